using Harness.Client.Models;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// CFAR and DG offer creation. Init (unmeasured) authenticates and generates <c>trips</c> faker trips; each iteration
/// takes the next trip, creates its own session (step <c>create_session</c>, measured and reported on its own) and asks
/// for CFAR offers (share <c>cfar_weight</c>) or DG offers on it. The offer steps are the ones under study.
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
                state.Trip = AirlineSteps.TripFor<OfferTrip>(step);
                state.IsCfar = step.Random.NextDouble() < cfarWeight;
                var request = AirlineSteps.SessionFor(state.Trip.Session, step);
                return AirlineSteps.CallAsync(
                    () => client.CreateSessionAsync(request, step.CancellationToken),
                    r => state.SessionId = r.RequiredBody.Id);
            }),
            new LoadStep("create_cfar_offers", step =>
            {
                var state = step.State<OfferIteration>();
                return state.IsCfar
                    ? AirlineSteps.CallAsync(() => client.CreateCfarOffersAsync(state.Trip.CfarOffers, state.SessionId, step.CancellationToken))
                    : ValueTask.FromResult(StepResult.Skip);
            }),
            new LoadStep("create_dg_offers", step =>
            {
                var state = step.State<OfferIteration>();
                return state.IsCfar
                    ? ValueTask.FromResult(StepResult.Skip)
                    : AirlineSteps.CallAsync(() => client.CreateDgOffersAsync(state.Trip.DgOffers, state.SessionId, step.CancellationToken));
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                var trips = AirlineSteps.GenerateTrips(context, Name, (fakers, trip) => new OfferTrip(
                    fakers.CreateAirlineSessionRequest(FlowType.Purchase), fakers.CreateCfarOfferRequest(trip), fakers.CreateDgOffersRequest(trip)));
                // One unmeasured call of each kind: first-use costs (JIT, connection set-up) stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var session = (await client.CreateSessionAsync(trips[0].Session with { SessionId = null }, ct).ConfigureAwait(false)).RequiredBody.Id;
                    await client.CreateCfarOffersAsync(trips[0].CfarOffers, session, ct).ConfigureAwait(false);
                    await client.CreateDgOffersAsync(trips[0].DgOffers, session, ct).ConfigureAwait(false);
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

    private sealed record OfferTrip(CreateAirlineSessionRequest Session, CreateCfarOfferRequest CfarOffers, CreateDgOffersRequest DgOffers);

    private sealed class OfferIteration
    {
        public OfferTrip Trip { get; set; } = null!;

        public bool IsCfar { get; set; }

        public string? SessionId { get; set; }
    }
}
