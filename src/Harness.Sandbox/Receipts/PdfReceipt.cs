using System.Globalization;
using System.Text;

namespace Harness.Sandbox.Receipts;

/// <summary>
/// A minimal, valid PDF 1.4 document written by hand: catalog, pages, one page, Helvetica, one content stream,
/// and a cross-reference table whose offsets are computed from the bytes actually written.
/// </summary>
internal static class PdfReceipt
{
    public static byte[] Build(string title, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT\n/F1 16 Tf\n72 760 Td\n(").Append(Escape(title)).Append(") Tj\n/F1 11 Tf\n");
        foreach (var line in lines)
        {
            content.Append("0 -20 Td\n(").Append(Escape(line)).Append(") Tj\n");
        }

        content.Append("ET\n");
        var stream = content.ToString();

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream",
        ];

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    // PDF literal strings escape backslash and parentheses; anything outside printable ASCII becomes '?'.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' or '(' or ')' => $"\\{c}",
                < ' ' or > '~' => "?",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
