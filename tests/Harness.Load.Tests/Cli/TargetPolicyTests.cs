namespace Harness.Load.Tests.Cli;

public class TargetPolicyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("http://localhost:1234", true)]
    [InlineData("http://[::1]:80", true)]
    [InlineData("https://api.example.com", false)]
    [InlineData("http://10.0.0.5", false)]
    public void IsLoopback_Host_Classified(string url, bool loopback)
    {
        TargetPolicy.IsLoopback(new Uri(url)).Should().Be(loopback);
    }

    [Fact]
    public void Allow_RemoteWithoutFlags_RefusesNamingTheFlags()
    {
        var act = () => TargetPolicy.Allow(new Uri("https://api.example.com"), allowRemote: false, maxRate: null, rate: 100);

        act.Should().Throw<ArgumentException>().WithMessage("*api.example.com*--allow-remote*--max-rate*");
    }

    [Fact]
    public void Allow_RemoteWithAllowButNoMaxRate_Refuses()
    {
        var act = () => TargetPolicy.Allow(new Uri("https://api.example.com"), allowRemote: true, maxRate: null, rate: 100);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Allow_RemoteWithBothFlags_CapsTheRate()
    {
        TargetPolicy.Allow(new Uri("https://api.example.com"), true, 20, 100).Should().Be(20);
        TargetPolicy.Allow(new Uri("https://api.example.com"), true, 20, 5).Should().Be(5);
    }

    [Fact]
    public void Allow_RemoteClosedModel_Refuses()
    {
        var act = () => TargetPolicy.Allow(new Uri("https://api.example.com"), true, 20, null);

        act.Should().Throw<ArgumentException>().WithMessage("*--concurrency*");
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5", 1_500)]
    public void Parse_DurationText_Understood(string text, double ms)
    {
        DurationText.Parse(text, "--duration").TotalMilliseconds.Should().Be(ms);
    }

    [Fact]
    public void Parse_BadDuration_NamesTheOption()
    {
        var act = () => DurationText.Parse("soon", "--duration");

        act.Should().Throw<FormatException>().WithMessage("--duration: 'soon'*");
    }
}
