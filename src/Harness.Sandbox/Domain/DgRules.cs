using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Domain;

/// <summary>A DG quote also says what one passenger pays and when cover starts.</summary>
internal sealed record DgOfferQuote(
    decimal Premium,
    decimal Coverage,
    decimal ServiceCap,
    DateTimeOffset PurchaseDeadline,
    DateTimeOffset ContractExpiry,
    decimal PremiumPerPassenger,
    int MaxHoursBeforeDeparture)
    : OfferQuote(Premium, Coverage, DgRules.CoveragePercentage, ServiceCap, PurchaseDeadline, ContractExpiry);

/// <summary>Disruption Guarantee: what it costs, what its offers and contracts say, how its contracts change.</summary>
internal sealed class DgRules : ProductRules
{
    public static readonly DgRules Instance = new();

    public const decimal CoveragePercentage = 100m;

    public const decimal BasePerPassenger = 5m;

    public const decimal MinimumServiceCap = 250m;

    public const int MinMinutesDelay = 180;

    private DgRules()
        : base(Products.Dg)
    {
    }

    public override IReadOnlyList<string> Statuses { get; } = ["created", "confirmed", "charged_back", "voided", "canceled", "queued", "failed"];

    public override string PaymentTokenField => "payment_token";

    /// <summary>As CFAR's, plus created → queued and queued → confirmed | failed.</summary>
    protected override IReadOnlyDictionary<string, string[]> Transitions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["created"] = ["confirmed", "voided", "canceled", "queued"],
        ["queued"] = ["confirmed", "failed"],
        ["confirmed"] = ["canceled", "charged_back"],
    };

    /// <summary>Cover starts 24 h before departure, or 3 h when departure is under 2 days away.</summary>
    public static int MaxHoursBeforeDeparture(ItineraryFacts facts, DateTimeOffset now) => Pricing.DaysToDeparture(facts, now) >= 2 ? 24 : 3;

    /// <summary>
    /// Per passenger: premium = 5.00 + 3% of the average fare (+ 5.00 under 7 days to departure); service cap =
    /// 1.5 × the average fare, at least 250.00; coverage = cap × passengers. A DG contract must be bought before its
    /// cover starts; it ends a day after the last arrival.
    /// </summary>
    public override OfferQuote Quote(ItineraryFacts facts, DateTimeOffset now)
    {
        var averageFare = facts.TotalPrice / facts.Passengers;
        var perPassenger = Pricing.Round(BasePerPassenger + (averageFare * 0.03m) + (Pricing.DaysToDeparture(facts, now) < 7 ? 5m : 0m));
        var serviceCap = Pricing.Round(Math.Max(MinimumServiceCap, averageFare * 1.5m));
        var maxHours = MaxHoursBeforeDeparture(facts, now);
        return new DgOfferQuote(
            perPassenger * facts.Passengers,
            serviceCap * facts.Passengers,
            serviceCap,
            facts.FirstDeparture - TimeSpan.FromHours(maxHours),
            facts.LastArrival + TimeSpan.FromDays(1),
            perPassenger,
            maxHours);
    }

    /// <summary>An exercise pays the contract's service cap for each disrupted passenger.</summary>
    public static decimal Payout(Contract contract, int passengers) => contract.ServiceCap * passengers;

    public override void WriteOfferTerms(Utf8JsonWriter writer, OfferQuote quote)
    {
        var dg = (DgOfferQuote)quote;
        Pricing.WriteMoney(writer, "premium_per_passenger"u8, dg.PremiumPerPassenger);
        Pricing.WriteMoney(writer, "service_cap"u8, dg.ServiceCap);
        writer.WriteNumber("max_hours_before_departure"u8, dg.MaxHoursBeforeDeparture);
        writer.WriteNumber("min_minutes_delay"u8, MinMinutesDelay);
    }

    /// <summary>dg_contract.offers holds dg_offer, which is the offer item minus premium_per_passenger.</summary>
    public override JsonObject ContractOffer(JsonObject offer)
    {
        offer.Remove("premium_per_passenger");
        return offer;
    }

    public override void AddContractTerms(JsonObject contract, string contractId, JsonObject firstOffer)
    {
        contract["service_cap"] = firstOffer["service_cap"]!.DeepClone();
        contract["max_hours_before_departure"] = firstOffer["max_hours_before_departure"]!.DeepClone();
        contract["min_minutes_delay"] = firstOffer["min_minutes_delay"]!.DeepClone();
    }

    /// <summary>Spec: the body is a bare array of dg_itinerary_slice, not a wrapper object as for CFAR.</summary>
    public override void ApplySliceChange(Contract contract, JsonNode body) =>
        contract.Body["itinerary"]!["slices"] = body.DeepClone();

    protected override (string Title, string[] Bullets) Texts(string language) => language == "fr"
        ? ("Garantie perturbation", ["Protection en cas de retard ou d'annulation", "Réservez un nouveau vol sans frais"])
        : ("Disruption Guarantee", ["Covered if your flight is delayed or canceled", "Rebook a new flight at no cost"]);
}
