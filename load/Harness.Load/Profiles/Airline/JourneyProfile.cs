using Harness.Client.Models;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The CFAR purchase journey as a weighted mix of paths, each iteration one traveller on the next of Init's faker trips:
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

        return new ScenarioDefinition(Name,
        [
            new LoadStep("create_session", step =>
            {
                var state = step.State<JourneyIteration>();
                state.Trip = AirlineSteps.TripFor<JourneyTrip>(step);
                state.Path = Choose(step);
                var request = AirlineSteps.SessionFor(state.Trip.Session, step);
                return AirlineSteps.CallAsync(
                    () => client.CreateSessionAsync(request, step.CancellationToken),
                    r => state.SessionId = r.RequiredBody.Id);
            }),
            new LoadStep("create_cfar_offers", step =>
            {
                var state = step.State<JourneyIteration>();
                return AirlineSteps.CallAsync(
                    () => client.CreateCfarOffersAsync(state.Trip.CfarOffers, state.SessionId, step.CancellationToken),
                    r => state.Offer = r.RequiredBody.Count > 0 ? r.RequiredBody[0] : null);
            }),
            new LoadStep("create_cfar_contract", step =>
            {
                var state = step.State<JourneyIteration>();
                if (state.Path == JourneyPath.Browse)
                    return ValueTask.FromResult(StepResult.Skip);
                if (state.Offer is null)
                    return ValueTask.FromResult(StepResult.Fail(201)); // the offers call answered an empty list: nothing to buy
                var request = ContractFor(state.Offer, state.Trip);
                return AirlineSteps.CallAsync(() => client.CreateCfarContractAsync(request, step.CancellationToken), r => state.ContractId = r.RequiredBody.Id);
            }),
            new LoadStep("confirm_cfar_contract", step =>
            {
                var state = step.State<JourneyIteration>();
                return state.Path == JourneyPath.Purchase
                    ? AirlineSteps.CallAsync(() => client.UpdateCfarContractStatusAsync(state.ContractId!, state.Trip.Confirm, state.SessionId, step.CancellationToken))
                    : ValueTask.FromResult(StepResult.Skip);
            }),
            new LoadStep("process_cfar_payment", step =>
            {
                var state = step.State<JourneyIteration>();
                return state.Path == JourneyPath.MerchantPurchase
                    ? AirlineSteps.CallAsync(() => client.ProcessCfarPaymentAsync(state.ContractId!, state.Trip.Payment, state.SessionId, step.CancellationToken))
                    : ValueTask.FromResult(StepResult.Skip);
            }),
        ])
        {
            Init = async ct =>
            {
                await AirlineSteps.AuthenticateAsync(client, Name, ct).ConfigureAwait(false);
                var trips = AirlineSteps.GenerateTrips(context, Name, (fakers, trip) => new JourneyTrip(
                    fakers.CreateAirlineSessionRequest(FlowType.Purchase),
                    fakers.CreateCfarOfferRequest(trip),
                    fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, trip),
                    fakers.ProcessCfarPaymentRequest()));
                // One unmeasured journey down each path's calls: first-use costs stay out of the numbers.
                await AirlineSteps.PrimeAsync(Name, async () =>
                {
                    var trip = trips[0];
                    var session = (await client.CreateSessionAsync(trip.Session with { SessionId = null }, ct).ConfigureAwait(false)).RequiredBody.Id;
                    var offer = (await client.CreateCfarOffersAsync(trip.CfarOffers, session, ct).ConfigureAwait(false)).RequiredBody[0];
                    var confirmed = (await client.CreateCfarContractAsync(ContractFor(offer, trip), ct).ConfigureAwait(false)).RequiredBody.Id;
                    await client.UpdateCfarContractStatusAsync(confirmed, trip.Confirm, session, ct).ConfigureAwait(false);
                    var paid = (await client.CreateCfarContractAsync(ContractFor(offer, trip), ct).ConfigureAwait(false)).RequiredBody.Id;
                    await client.ProcessCfarPaymentAsync(paid, trip.Payment, session, ct).ConfigureAwait(false);
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

    /// <summary>The contract for the offer the API just returned: its id, itinerary and ext_attributes, the trip's PNR.</summary>
    private static CreateCfarContractRequest ContractFor(CfarOffer offer, JourneyTrip trip) => new()
    {
        OfferIds = [offer.Id],
        Itinerary = offer.Itinerary,
        ExtAttributes = offer.ExtAttributes,
        PnrReference = trip.Confirm.PnrReference,
    };

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

    private sealed record JourneyTrip(
        CreateAirlineSessionRequest Session, CreateCfarOfferRequest CfarOffers, UpdateCfarContractRequest Confirm, ProcessCfarPaymentRequest Payment);

    private sealed class JourneyIteration
    {
        public JourneyTrip Trip { get; set; } = null!;

        public JourneyPath Path { get; set; }

        public string? SessionId { get; set; }

        public CfarOffer? Offer { get; set; }

        public string? ContractId { get; set; }
    }
}
