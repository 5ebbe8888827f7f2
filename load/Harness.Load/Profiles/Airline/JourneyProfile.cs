using Harness.Client;
using Harness.Scenarios.Model;
using Harness.Scenarios.Steps;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The CFAR purchase journey as a weighted mix of paths, each iteration one traveller on the next of Init's prepared
/// trips: browse (session + offers), purchase (+ contract + confirm through update_status) and HTS-merchant purchase
/// (+ contract + payment, which confirms it). Every step is the scenario step of the same request (<see cref="SessionSteps"/>,
/// <see cref="CfarSteps"/>) with its checks; steps a path does not take are skipped, not counted.
/// </summary>
internal sealed class JourneyProfile : ILoadProfile
{
    public const string BrowseWeightOption = "browse_weight";
    public const string PurchaseWeightOption = "purchase_weight";
    public const string MerchantPurchaseWeightOption = "merchant_purchase_weight";

    public string Name => "journey";

    public string Description => "CFAR journey mix: browse (session+offers), purchase (+contract+confirm), HTS-merchant purchase (+contract+payment).";

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKnownOptions(Name, BrowseWeightOption, PurchaseWeightOption, MerchantPurchaseWeightOption, AirlineSteps.TripsOption);
        var browse = Weight(context, BrowseWeightOption, 0.6);
        var purchase = Weight(context, PurchaseWeightOption, 0.3);
        var merchant = Weight(context, MerchantPurchaseWeightOption, 0.1);
        var total = browse + purchase + merchant;
        if (total <= 0)
            throw new ArgumentException($"profile '{Name}': the weights {BrowseWeightOption}, {PurchaseWeightOption} and {MerchantPurchaseWeightOption} are all 0");

        var client = AirlineSteps.CreateClient(context);

        JourneyPath Choose(StepContext step)
        {
            // Weights are shares of the mix; they need not add up to 1.
            var draw = step.Random.NextDouble() * total;
            return draw < browse ? JourneyPath.Browse : draw < browse + purchase ? JourneyPath.Purchase : JourneyPath.MerchantPurchase;
        }

        // The scenario steps themselves: the same calls, bodies and checks (premium, status, PNR, payment succeeded) as
        // the journeys in Harness.Scenarios, on a context built from one of Init's prepared trips.
        ValueTask<StepResult> Run(StepContext step, Func<JourneyContext, Task<ApiResponse>> action, Func<JourneyPath, bool> takenOn)
        {
            var state = step.State<JourneyIteration>();
            return takenOn(state.Path) ? AirlineSteps.RunAsync(action, state.Journey) : ValueTask.FromResult(StepResult.Skip);
        }

        return new ScenarioDefinition(Name,
        [
            new LoadStep("create_session", step =>
            {
                var state = step.State<JourneyIteration>();
                state.Journey = AirlineSteps.JourneyFor(client, step);
                state.Path = Choose(step);
                return AirlineSteps.RunAsync(SessionSteps.CreatePurchaseSession, state.Journey);
            }),
            new LoadStep("create_cfar_offers", step => Run(step, CfarSteps.CreateOffers, static _ => true)),
            new LoadStep("create_cfar_contract", step => Run(step, CfarSteps.CreateContract, static path => path != JourneyPath.Browse)),
            new LoadStep("confirm_cfar_contract", step => Run(step, CfarSteps.ConfirmContract, static path => path == JourneyPath.Purchase)),
            new LoadStep("process_cfar_payment", step => Run(step, CfarSteps.ProcessPayment, static path => path == JourneyPath.MerchantPurchase)),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                var trips = AirlineSteps.PrepareTrips(context, Name);
                // One unmeasured journey down each purchase path: first-use costs stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    foreach (var last in new Func<JourneyContext, Task<ApiResponse>>[] { CfarSteps.ConfirmContract, CfarSteps.ProcessPayment })
                    {
                        var journey = new JourneyContext(client, trips[0], ct);
                        await SessionSteps.CreatePurchaseSession(journey).ConfigureAwait(false);
                        await CfarSteps.CreateOffers(journey).ConfigureAwait(false);
                        await CfarSteps.CreateContract(journey).ConfigureAwait(false);
                        await last(journey).ConfigureAwait(false);
                    }
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

    private double Weight(ProfileContext context, string option, double fallback)
    {
        var weight = context.Option(option, fallback);
        return weight >= 0 && double.IsFinite(weight)
            ? weight
            : throw new ArgumentException($"profile '{Name}': option {option} must be a number ≥ 0, not {weight}");
    }

    private enum JourneyPath
    {
        Browse,
        Purchase,
        MerchantPurchase,
    }

    private sealed class JourneyIteration
    {
        public JourneyContext Journey { get; set; } = null!;

        public JourneyPath Path { get; set; }
    }
}
