using System.Text.RegularExpressions;

namespace Harness.Contracts.Support;

public sealed class ShapesTests
{
    [Fact]
    public void HttpDatePattern_ForExpiresExample_Matches() =>
        Shapes.ExpiresExample.Should().Be("Tue, 01 Jan 2030 00:00:00 GMT").And.MatchRegex(Shapes.HttpDatePattern);

    [Theory]
    [InlineData("2030-01-01T00:00:00Z")]
    [InlineData("Tuesday, 01-Jan-30 00:00:00 GMT")]
    [InlineData("Tue Jan  1 00:00:00 2030")]
    [InlineData("Tue, 1 Jan 2030 00:00:00 GMT")]
    [InlineData("Tue, 01 Jan 2030 00:00:00 +0000")]
    [InlineData("0")]
    public void HttpDatePattern_ForOtherThanImfFixdate_DoesNotMatch(string value) =>
        Regex.IsMatch(value, Shapes.HttpDatePattern).Should().BeFalse();

    [Theory]
    [InlineData(Shapes.CacheControlExample)]
    [InlineData("no-cache, no-store, must-revalidate")]
    [InlineData("private, max-age=60")]
    [InlineData("public,max-age=0")]
    [InlineData("no-cache=\"Set-Cookie\"")]
    public void CacheControlPattern_ForDirectiveList_Matches(string value) =>
        Regex.IsMatch(value, Shapes.CacheControlPattern).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("max-age=")]
    [InlineData(", no-store")]
    [InlineData("no-store,")]
    [InlineData("no store")]
    public void CacheControlPattern_ForMalformedValue_DoesNotMatch(string value) =>
        Regex.IsMatch(value, Shapes.CacheControlPattern).Should().BeFalse();
}
