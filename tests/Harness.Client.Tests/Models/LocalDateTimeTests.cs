using System.Globalization;
using Harness.Client.Models;

namespace Harness.Client.Tests.Models;

/// <summary>LocalDateTime parsing and formatting must agree with DateTime.TryParseExact on the spec's formats.</summary>
public sealed class LocalDateTimeTests
{
    private static readonly string[] ReferenceFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    [Theory]
    [InlineData("2022-04-02T18:34:30")]
    [InlineData("2022-04-02T18:34")]
    [InlineData("2024-02-29T00:00:00")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    [InlineData("2022-04-02T18:34:30.5")]
    [InlineData("2022-04-02T18:34:30.1234567")]
    [InlineData("2023-02-29T10:00:00")]
    [InlineData("2022-13-01T10:00:00")]
    [InlineData("2022-00-10T10:00:00")]
    [InlineData("2022-04-31T10:00")]
    [InlineData("2022-04-02T24:00:00")]
    [InlineData("2022-04-02T23:60:00")]
    [InlineData("2022-04-02T23:59:60")]
    [InlineData("0000-01-01T00:00:00")]
    [InlineData("2022-04-02T18:34:30Z")]
    [InlineData("2022-04-02T18:34:30+02:00")]
    [InlineData("2022-04-02 18:34:30")]
    [InlineData("2022-04-02t18:34:30")]
    [InlineData("2022/04/02T18:34:30")]
    [InlineData("2022-4-02T18:34:30")]
    [InlineData("2022-04-02T18:3a:30")]
    [InlineData("２０２２-04-02T18:34:30")]
    [InlineData(" 2022-04-02T18:34:30")]
    [InlineData("2022-04-02T18:34:30 ")]
    [InlineData("2022-04-02")]
    [InlineData("")]
    public void TryParse_AnyText_AgreesWithTryParseExact(string text)
    {
        var expectedOk = DateTime.TryParseExact(text, ReferenceFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var ok = LocalDateTime.TryParse(text, out var actual);

        ok.Should().Be(expectedOk);
        if (ok)
        {
            actual.Value.Should().Be(expected);
            actual.Value.Kind.Should().Be(DateTimeKind.Unspecified);
        }
    }

    [Theory]
    [InlineData("2022-04-02T18:34:30", "2022-04-02T18:34:30")]
    [InlineData("2022-04-02T18:34", "2022-04-02T18:34:00")]
    [InlineData("2022-04-02T18:34:30.25", "2022-04-02T18:34:30.25")]
    [InlineData("0001-01-01T00:00:00.0000001", "0001-01-01T00:00:00.0000001")]
    public void ToString_AfterParse_WritesTheWireFormat(string text, string expected)
    {
        var value = LocalDateTime.Parse(text);

        value.ToString().Should().Be(expected)
            .And.Be(value.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }
}
