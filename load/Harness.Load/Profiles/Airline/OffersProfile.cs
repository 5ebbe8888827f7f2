using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// CFAR and DG offer creation. Init (unmeasured) authenticates and prepares <c>trips</c> trips; each iteration takes
/// the next trip, creates its own session (step <c>create_session</c>, measured and reported on its own) and asks for
/// CFAR offers (share <c>cfar_weight</c>) or DG offers on it. The offer steps are the ones under study; all three are
/// the scenario steps (<see cref="SessionSteps"/>, <see cref="CfarSteps"/>, <see cref="DgSteps"/>) with their checks.
/// </summary>
internal sealed class OffersProfile : ILoadProfile
{
    public const string CfarWeightOption = "cfar_weight";

    public string Name => "offers";

    public string Description => "POST /sessions, then POST /cfar_offers or /dg_offers (cfar_weight), a faker itinerary per iteration.";

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKnownOptions(Name, CfarWeightOption, AirlineSteps.TripsOption);
        var cfarWeight = context.Option(CfarWeightOption, 0.7);
        if (cfarWeight is < 0 or > 1 || double.IsNaN(cfarWeight))
            throw new ArgumentException($"profile '{Name}': option {CfarWeightOption} must be between 0 and 1, not {cfarWeight}");

        var client = AirlineSteps.CreateClient(context);
        return new ScenarioDefinition(Name,
        [
            new LoadStep("create_session", step =>
            {
                var state = step.State<OfferIteration>();
                state.Journey = AirlineSteps.JourneyFor(client, step);
                state.IsCfar = step.Random.NextDouble() < cfarWeight;
                return AirlineSteps.RunAsync(SessionSteps.CreatePurchaseSession, state.Journey);
            }),
            new LoadStep("create_cfar_offers", step =>
            {
                var state = step.State<OfferIteration>();
                return state.IsCfar ? AirlineSteps.RunAsync(CfarSteps.CreateOffers, state.Journey) : ValueTask.FromResult(StepResult.Skip);
            }),
            new LoadStep("create_dg_offers", step =>
            {
                var state = step.State<OfferIteration>();
                return state.IsCfar ? ValueTask.FromResult(StepResult.Skip) : AirlineSteps.RunAsync(DgSteps.CreateOffers, state.Journey);
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                var trips = AirlineSteps.PrepareTrips(context, Name);
                // One unmeasured call of each kind: first-use costs (JIT, connection set-up) stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var journey = new JourneyContext(client, trips[0], ct);
                    await SessionSteps.CreatePurchaseSession(journey).ConfigureAwait(false);
                    await CfarSteps.CreateOffers(journey).ConfigureAwait(false);
                    await DgSteps.CreateOffers(journey).ConfigureAwait(false);
                }).ConfigureAwait(false);
                return trips;
            },
            Clean = () =>
            {
                client.Dispose();
                return ValueTask.CompletedTask;
            },
        };
    }

    private sealed class OfferIteration
    {
        public JourneyContext Journey { get; set; } = null!;

        public bool IsCfar { get; set; }
    }
}
