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
