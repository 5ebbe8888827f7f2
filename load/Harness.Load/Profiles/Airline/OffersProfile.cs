using Harness.Client;
using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// CFAR and DG offer creation. Each iteration has its own faker trip and its own session: the session is created inside
/// the iteration (step <c>create_session</c>, measured and reported on its own), then the iteration asks for CFAR
/// offers (share <c>cfar_weight</c>) or DG offers on it. The offer steps are the ones under study.
/// </summary>
internal sealed class OffersProfile : ILoadProfile
{
    public const string CfarWeightOption = "cfar_weight";

    public string Name => "offers";

    public string Description => "POST /sessions, then POST /cfar_offers or /dg_offers (cfar_weight) with a fresh itinerary per iteration.";

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKnownOptions(Name, CfarWeightOption);
        var cfarWeight = context.Option(CfarWeightOption, 0.7);
        if (cfarWeight is < 0 or > 1 || double.IsNaN(cfarWeight))
            throw new ArgumentException($"profile '{Name}': option {CfarWeightOption} must be between 0 and 1, not {cfarWeight}");

        var client = AirlineSteps.CreateClient(context);
        var now = AirlineFakers.DefaultNow();
        return new ScenarioDefinition(Name,
        [
            new LoadStep("create_session", step =>
            {
                var state = step.State<OfferIteration>();
                // One faker per iteration (AirlineFakers is not thread-safe), seeded from the iteration's Random.
                state.Fakers = new AirlineFakers(step.Random.Next(), now);
                state.Trip = state.Fakers.Trip();
                state.IsCfar = step.Random.NextDouble() < cfarWeight;
                var request = state.Fakers.CreateAirlineSessionRequest(FlowType.Purchase);
                return AirlineSteps.CallAsync(() => client.CreateSessionAsync(request, step.CancellationToken), r => state.SessionId = r.RequiredBody.Id);
            }),
            new LoadStep("create_cfar_offers", step =>
            {
                var state = step.State<OfferIteration>();
                if (!state.IsCfar)
                    return ValueTask.FromResult(StepResult.Skip);
                var request = state.Fakers.CreateCfarOfferRequest(state.Trip);
                return AirlineSteps.CallAsync(() => client.CreateCfarOffersAsync(request, state.SessionId, step.CancellationToken));
            }),
            new LoadStep("create_dg_offers", step =>
            {
                var state = step.State<OfferIteration>();
                if (state.IsCfar)
                    return ValueTask.FromResult(StepResult.Skip);
                var request = state.Fakers.CreateDgOffersRequest(state.Trip);
                return AirlineSteps.CallAsync(() => client.CreateDgOffersAsync(request, state.SessionId, step.CancellationToken));
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                // One unmeasured call of each kind: first-use costs (JIT, the fakers' locale data) stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var fakers = new AirlineFakers(context.Seed, now);
                    var trip = fakers.Trip();
                    var session = await client.CreateSessionAsync(fakers.CreateAirlineSessionRequest(FlowType.Purchase), ct).ConfigureAwait(false);
                    await client.CreateCfarOffersAsync(fakers.CreateCfarOfferRequest(trip), session.RequiredBody.Id, ct).ConfigureAwait(false);
                    await client.CreateDgOffersAsync(fakers.CreateDgOffersRequest(trip), session.RequiredBody.Id, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
                return null;
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
        public AirlineFakers Fakers { get; set; } = null!;

        public Trip Trip { get; set; } = null!;

        public bool IsCfar { get; set; }

        public string? SessionId { get; set; }
    }
}
