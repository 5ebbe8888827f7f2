using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Sandbox.Tests.Support;

/// <summary>Checks a PDF's structure: header, trailer, startxref pointing at the xref table, and every object offset.</summary>
public static partial class PdfAssertions
{
    public static string ShouldBeValidPdf(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes);
        text.Should().StartWith("%PDF-");
        text.TrimEnd().Should().EndWith("%%EOF");

        var startxref = StartXref().Match(text);
        startxref.Success.Should().BeTrue("the trailer must give startxref");
        var xrefOffset = int.Parse(startxref.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        text[xrefOffset..].Should().StartWith("xref\n");

        var header = XrefHeader().Match(text, xrefOffset);
        var count = int.Parse(header.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        var entries = XrefEntry().Matches(text, header.Index + header.Length).Take(count).ToList();
        entries.Should().HaveCount(count);
        entries[0].Groups[3].Value.Should().Be("f");
        for (var i = 1; i < count; i++)
        {
            var offset = int.Parse(entries[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            text[offset..].Should().StartWith($"{i} 0 obj", $"xref entry {i} must point at object {i}");
        }

        return text;
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"xref\n(\d+) (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf]) \n")]
    private static partial Regex XrefEntry();
}
