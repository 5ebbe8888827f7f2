using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Sandbox.Tests.Support;

namespace Harness.Sandbox.Tests.Perf;

/// <summary>The in-process offer bench (--bench-offers, bench/offer-cpu.sh): it fills the stores, then counts real offers.</summary>
public sealed class OfferBenchTests
{
    [Fact]
    public async Task RunAsync_ValidBody_FillsTheStoresThenPrintsCostsPerOffer()
    {
        var options = new SandboxOptions { MaxEntities = 50 };
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await OfferBench.RunAsync(options, Bodies.OfferRequest("cfar").ToJsonString(), TimeSpan.Zero, TimeSpan.FromMilliseconds(300), output, error);

        code.Should().Be(0, error.ToString());
        var line = Regex.Match(output.ToString(), @"in-process offers: (\d+) in [0-9.]+ s after (\d+) to warm up \| ([0-9.]+) us CPU/offer \| (\d+) B allocated/offer");
        line.Success.Should().BeTrue(output.ToString());
        int.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture).Should().Be(60, "the warm-up fills the 50-entry stores and a fifth more");
        int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture).Should().BePositive();
        double.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture).Should().BePositive();
        int.Parse(line.Groups[4].Value, CultureInfo.InvariantCulture).Should().BePositive();
    }

    [Fact]
    public async Task RunAsync_BodyTheSandboxRefuses_FailsNamingTheAnswer()
    {
        var error = new StringWriter();

        var code = await OfferBench.RunAsync(new SandboxOptions(), """{"itinerary": []}""", TimeSpan.Zero, TimeSpan.FromMilliseconds(100), new StringWriter(), error);

        code.Should().Be(1);
        error.ToString().Should().Contain("The offer body was refused (422)").And.Contain("request_type is required");
    }
}
