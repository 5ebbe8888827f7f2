namespace Harness.Scenarios.Tests.Journeys;

/// <summary>Every self-contained journey over many seeds: trips of every shape (currencies without decimals, infants, three slices).</summary>
public sealed class SeedSweepTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    private const int Seeds = 25;

    [Fact]
    public async Task AllJourneys_AcrossManySeeds_Pass()
    {
        var first = fixture.ConfiguredSeed ?? Random.Shared.Next(0, int.MaxValue - Seeds);
        output.WriteLine($"Seeds {first}..{first + Seeds - 1}.");
        var failures = new List<string>();
        var runner = fixture.Target.CreateRunner();

        for (var seed = first; seed < first + Seeds; seed++)
        {
            foreach (var journey in JourneyCatalog.SelfContained)
            {
                var result = await runner.RunAsync(journey, fixture.Target.NewContext(seed));
                if (!result.Succeeded)
                {
                    failures.Add(result.Failure!.Message);
                }
            }
        }

        failures.Should().BeEmpty();
    }
}
