using System.Text.Json.Nodes;
using Harness.Sandbox.Api;

namespace Harness.Sandbox.Domain;

/// <summary>Cancel For Any Reason: what it costs, what its offers and contracts say, how its contracts change.</summary>
internal sealed class CfarRules : ProductRules
{
    public static readonly CfarRules Instance = new();

    /// <summary>CFAR can be exercised until this long before the first departure; the contract expires then.</summary>
    public static readonly TimeSpan ExerciseCutoff = TimeSpan.FromHours(3);

    /// <summary>Coverage is this share of the total price (coverage_percentage "80.00").</summary>
    public const decimal CoveragePercentage = 80m;

    public const decimal PerPassengerFee = 2m;

    private CfarRules()
        : base(Products.Cfar)
    {
    }

    public override IReadOnlyList<string> Statuses { get; } = ["created", "confirmed", "charged_back", "voided", "canceled"];

    public override string PaymentTokenField => "payment_method_token";

    protected override IReadOnlyDictionary<string, string[]> Transitions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["created"] = ["confirmed", "voided", "canceled"],
        ["confirmed"] = ["canceled", "charged_back"],
    };

    /// <summary>Premium rate: 10% under 7 days to departure, 8% under 30, else 6%.</summary>
    public static decimal Rate(int daysToDeparture) => daysToDeparture < 7 ? 0.10m : daysToDeparture < 30 ? 0.08m : 0.06m;

    /// <summary>
    /// Premium = total × rate + 2.00 × passengers; coverage = 80% of the total price. The offer can be bought, and the
    /// contract exercised, until 3 h before the first departure.
    /// </summary>
    public override OfferQuote Quote(ItineraryFacts facts, DateTimeOffset now)
    {
        var premium = Pricing.Round((facts.TotalPrice * Rate(Pricing.DaysToDeparture(facts, now))) + (PerPassengerFee * facts.Passengers));
        var coverage = Pricing.Round(facts.TotalPrice * CoveragePercentage / 100m);
        var contractExpiry = facts.FirstDeparture - ExerciseCutoff;
        return new OfferQuote(premium, coverage, CoveragePercentage, 0m, contractExpiry, contractExpiry);
    }

    /// <summary>An exercise may refund up to the contract's coverage, in cash or as a future travel credit (FTC).</summary>
    public static decimal RefundAllowance(Contract contract) => contract.Coverage;

    public override void AddContractTerms(JsonObject contract, string contractId, JsonObject firstOffer) =>
        contract["exercise_url"] = $"https://sandbox.invalid/cfar/exercise/{contractId}";

    /// <summary>passenger_counts may only name passenger types the contract's itinerary already prices.</summary>
    public override void CheckSliceChange(Contract contract, JsonNode body)
    {
        if (body["passenger_counts"] is not JsonArray counts)
        {
            return;
        }

        var pricing = contract.Body["itinerary"]!["passenger_pricing"]!.AsArray();
        foreach (var count in counts)
        {
            var type = (string)count!["type"]!;
            if (!pricing.Any(p => (string?)p!["passenger_count"]!["type"] == type))
            {
                throw ApiException.Unprocessable("passenger_counts", "unknown_passenger_type", $"passenger_counts names passenger type \"{type}\", which the contract's itinerary does not price.");
            }
        }
    }

    /// <summary>The body wraps the slices, with optional new passenger counts and PNR.</summary>
    public override void ApplySliceChange(Contract contract, JsonNode body)
    {
        var itinerary = (JsonObject)contract.Body["itinerary"]!;
        itinerary["slices"] = body["slices"]!.DeepClone();
        if (body["passenger_counts"] is JsonArray counts)
        {
            var pricing = itinerary["passenger_pricing"]!.AsArray();
            foreach (var count in counts)
            {
                foreach (var entry in pricing.Where(p => (string?)p!["passenger_count"]!["type"] == (string)count!["type"]!))
                {
                    entry!["passenger_count"]!["count"] = (int)count!["count"]!;
                }
            }
        }

        if ((string?)body["pnr_reference"] is { } pnr)
        {
            contract.Body["pnr_reference"] = pnr;
        }
    }

    protected override (string Title, string[] Bullets) Texts(string language) => language == "fr"
        ? ("Annulation flexible", ["Annulez pour n'importe quelle raison", "Remboursement de 80 % du prix"])
        : ("Cancel For Any Reason", ["Cancel for any reason", "Get 80% of your trip cost back"]);
}
