using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// CFAR and DG offer creation. Init (unmeasured) authenticates and prepares <c>trips</c> trips; each iteration takes
/// the next trip, creates its own session (step <c>create_session</c>, measured and reported on its own) and asks for
/// CFAR offers (share <c>cfar_weight</c>) or DG offers on it. All three steps are the journey steps of
/// Harness.Scenarios (<see cref="SessionSteps"/>, <see cref="CfarSteps"/>, <see cref="DgSteps"/>) with their checks.
/// </summary>
internal static class OffersScenario
{
    public const string Name = "offers";
    public const string CfarWeightOption = "cfar_weight";

    public static BuiltInScenario Definition { get; } = new(Name,
        "POST /sessions, then POST /cfar_offers or /dg_offers (cfar_weight), a faker itinerary per iteration.", Create);

    public static ScenarioProps Create(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(Name, CfarWeightOption, AirlineSteps.TripsOption);
        var cfarWeight = profile.Option(CfarWeightOption, 0.7);
        if (cfarWeight is < 0 or > 1 || double.IsNaN(cfarWeight))
            throw new ArgumentException($"profile '{Name}': option {CfarWeightOption} must be between 0 and 1, not {cfarWeight}");

        var client = AirlineSteps.CreateClient(profile);
        IReadOnlyList<PreparedTrip> trips = [];
        return Scenario.Create(Name, async context =>
        {
            var journey = AirlineSteps.JourneyFor(client, trips, context);
            var cfar = context.Random.NextDouble() < cfarWeight;
            await Step.Run("create_session", context, () => AirlineSteps.RunAsync(SessionSteps.CreatePurchaseSession, journey));
            return cfar
                ? await Step.Run("create_cfar_offers", context, () => AirlineSteps.RunAsync(CfarSteps.CreateOffers, journey))
                : await Step.Run("create_dg_offers", context, () => AirlineSteps.RunAsync(DgSteps.CreateOffers, journey));
        })
        .WithInit(async init =>
        {
            await AirlineSteps.AuthenticateAsync(client, Name, init.CancellationToken).ConfigureAwait(false);
            var prepared = AirlineSteps.PrepareTrips(profile, Name, init);
            // One unmeasured call of each kind: first-use costs (JIT, connection set-up) stay out of the numbers.
            await AirlineSteps.PrimeAsync(Name, async () =>
            {
                var journey = new JourneyContext(client, prepared[0], init.CancellationToken);
                await SessionSteps.CreatePurchaseSession(journey).ConfigureAwait(false);
                await CfarSteps.CreateOffers(journey).ConfigureAwait(false);
                await DgSteps.CreateOffers(journey).ConfigureAwait(false);
            }).ConfigureAwait(false);
            trips = prepared;
        })
        .WithClean(_ =>
        {
            client.Dispose();
            return Task.CompletedTask;
        });
    }
}
