using Harness.Client.Models;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The CFAR purchase journey as a weighted mix of paths, each iteration one traveller with its own faker trip:
/// browse (session + offers), purchase (+ contract + confirm through update_status) and HTS-merchant purchase
/// (+ contract + payment, which confirms it). Steps a path does not take are skipped, not counted.
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
        context.RequireKnownOptions(Name, BrowseWeightOption, PurchaseWeightOption, MerchantPurchaseWeightOption);
        var browse = Weight(context, BrowseWeightOption, 0.6);
        var purchase = Weight(context, PurchaseWeightOption, 0.3);
        var merchant = Weight(context, MerchantPurchaseWeightOption, 0.1);
        var total = browse + purchase + merchant;
        if (total <= 0)
            throw new ArgumentException($"profile '{Name}': the weights {BrowseWeightOption}, {PurchaseWeightOption} and {MerchantPurchaseWeightOption} are all 0");

        var client = AirlineSteps.CreateClient(context);
        var now = AirlineFakers.DefaultNow();

        JourneyPath Choose(StepContext step)
        {
            // Weights are shares of the mix; they need not add up to 1.
            var draw = step.Random.NextDouble() * total;
            return draw < browse ? JourneyPath.Browse : draw < browse + purchase ? JourneyPath.Purchase : JourneyPath.MerchantPurchase;
        }

        return new ScenarioDefinition(Name,
        [
            new LoadStep("create_session", step =>
            {
                var state = step.State<JourneyIteration>();
                state.Fakers = new AirlineFakers(step.Random.Next(), now);
                state.Trip = state.Fakers.Trip();
                state.Path = Choose(step);
                var request = state.Fakers.CreateAirlineSessionRequest(FlowType.Purchase);
                return AirlineSteps.CallAsync(() => client.CreateSessionAsync(request, step.CancellationToken), r => state.SessionId = r.RequiredBody.Id);
            }),
            new LoadStep("create_cfar_offers", step =>
            {
                var state = step.State<JourneyIteration>();
                var request = state.Fakers.CreateCfarOfferRequest(state.Trip);
                return AirlineSteps.CallAsync(
                    () => client.CreateCfarOffersAsync(request, state.SessionId, step.CancellationToken),
                    r => state.Offer = r.RequiredBody.Count > 0 ? r.RequiredBody[0] : null);
            }),
            new LoadStep("create_cfar_contract", step =>
            {
                var state = step.State<JourneyIteration>();
                if (state.Path == JourneyPath.Browse)
                    return ValueTask.FromResult(StepResult.Skip);
                if (state.Offer is null)
                    return ValueTask.FromResult(StepResult.Fail(201)); // the offers call answered an empty list: nothing to buy
                var request = state.Fakers.CreateCfarContractRequest(state.Offer);
                return AirlineSteps.CallAsync(() => client.CreateCfarContractAsync(request, step.CancellationToken), r => state.ContractId = r.RequiredBody.Id);
            }),
            new LoadStep("confirm_cfar_contract", step =>
            {
                var state = step.State<JourneyIteration>();
                if (state.Path != JourneyPath.Purchase)
                    return ValueTask.FromResult(StepResult.Skip);
                var request = state.Fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, state.Trip);
                return AirlineSteps.CallAsync(() => client.UpdateCfarContractStatusAsync(state.ContractId!, request, state.SessionId, step.CancellationToken));
            }),
            new LoadStep("process_cfar_payment", step =>
            {
                var state = step.State<JourneyIteration>();
                if (state.Path != JourneyPath.MerchantPurchase)
                    return ValueTask.FromResult(StepResult.Skip);
                var request = state.Fakers.ProcessCfarPaymentRequest();
                return AirlineSteps.CallAsync(() => client.ProcessCfarPaymentAsync(state.ContractId!, request, state.SessionId, step.CancellationToken));
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                // One unmeasured journey down each path's calls: first-use costs stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var fakers = new AirlineFakers(context.Seed, now);
                    var trip = fakers.Trip();
                    var session = (await client.CreateSessionAsync(fakers.CreateAirlineSessionRequest(FlowType.Purchase), ct).ConfigureAwait(false)).RequiredBody.Id;
                    var offers = (await client.CreateCfarOffersAsync(fakers.CreateCfarOfferRequest(trip), session, ct).ConfigureAwait(false)).RequiredBody;
                    var confirmed = (await client.CreateCfarContractAsync(fakers.CreateCfarContractRequest(offers[0]), ct).ConfigureAwait(false)).RequiredBody.Id;
                    await client.UpdateCfarContractStatusAsync(confirmed, fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, trip), session, ct).ConfigureAwait(false);
                    var paid = (await client.CreateCfarContractAsync(fakers.CreateCfarContractRequest(offers[0]), ct).ConfigureAwait(false)).RequiredBody.Id;
                    await client.ProcessCfarPaymentAsync(paid, fakers.ProcessCfarPaymentRequest(), session, ct).ConfigureAwait(false);
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
        public AirlineFakers Fakers { get; set; } = null!;

        public Trip Trip { get; set; } = null!;

        public JourneyPath Path { get; set; }

        public string? SessionId { get; set; }

        public CfarOffer? Offer { get; set; }

        public string? ContractId { get; set; }
    }
}
