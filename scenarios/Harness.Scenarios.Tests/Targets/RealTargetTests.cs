namespace Harness.Scenarios.Tests.Targets;

/// <summary>Journeys against the target named by HARNESS_TARGET_URL; skipped (naming the variables) without one.</summary>
public sealed class RealTargetTests(ITestOutputHelper output)
{
    [RealTargetFact]
    public Task VoidBeforeConfirmation_OnRealTarget_Passes() => RunAsync(CfarJourneys.VoidBeforeConfirmation);

    [RealTargetFact]
    public Task DgQueuedThenFailed_OnRealTarget_Passes() => RunAsync(DgJourneys.QueuedThenFailed);

    [RealTargetFact(RequiresPaidJourneys = true)]
    public Task CfarPurchaseAirlineMerchant_OnRealTarget_Passes() => RunAsync(CfarJourneys.PurchaseAirlineMerchant);

    [RealTargetFact(RequiresPaidJourneys = true)]
    public Task DgPurchaseAirlineMerchant_OnRealTarget_Passes() => RunAsync(DgJourneys.PurchaseAirlineMerchant);

    /// <summary>
    /// The whole journey suite a real target can take (<see cref="JourneyCatalog.RealTarget"/>), one seed, every failure
    /// reported; .ci/checks.d/60-prism.sh runs it through Prism's validating proxy.
    /// </summary>
    [RealTargetFact(RequiresPaidJourneys = true)]
    public async Task EveryRealTargetJourney_OnRealTarget_Passes()
    {
        var settings = ScenarioSettings.Load();
        await using var target = await ScenarioTarget.CreateAsync(settings);
        var seed = settings.NextSeed();
        output.WriteLine($"Target: {target}. Seed {seed} (reproduce with HARNESS_SEED={seed}). {JourneyCatalog.RealTarget.Count} journeys.");
        var runner = target.CreateRunner(output.WriteLine);
        var failures = new List<string>();

        foreach (var journey in JourneyCatalog.RealTarget)
        {
            var result = await runner.RunAsync(journey, target.NewContext(seed));
            if (!result.Succeeded)
            {
                failures.Add(result.Failure!.Message);
            }
        }

        failures.Should().BeEmpty();
    }

    private async Task RunAsync(Journey journey)
    {
        var settings = ScenarioSettings.Load();
        await using var target = await ScenarioTarget.CreateAsync(settings);
        var seed = settings.NextSeed();
        output.WriteLine($"Target: {target}. Seed {seed} (reproduce with HARNESS_SEED={seed}).");

        var result = await target.CreateRunner(output.WriteLine).RunAsync(journey, target.NewContext(seed));

        result.Succeeded.Should().BeTrue(result.Failure?.Message);
    }
}
