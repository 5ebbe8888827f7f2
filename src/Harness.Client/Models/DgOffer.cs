using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A Dg offer"</summary>
public sealed record DgOffer
{
    public required string Id { get; init; }

    public required string Premium { get; init; }

    [JsonIgnore]
    public decimal PremiumValue => AirlineAmount.Parse(Premium, "dg_offer.premium");

    public required string Coverage { get; init; }

    [JsonIgnore]
    public decimal CoverageValue => AirlineAmount.Parse(Coverage, "dg_offer.coverage");

    public required string CoveragePercentage { get; init; }

    [JsonIgnore]
    public decimal CoveragePercentageValue => AirlineAmount.Parse(CoveragePercentage, "dg_offer.coverage_percentage");

    public required string ServiceCap { get; init; }

    [JsonIgnore]
    public decimal ServiceCapValue => AirlineAmount.Parse(ServiceCap, "dg_offer.service_cap");

    public required string Currency { get; init; }

    public required string TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal TaxesTotalValue => AirlineAmount.Parse(TaxesTotal, "dg_offer.taxes_total");

    public IReadOnlyList<DgTax>? Taxes { get; init; }

    public required DgRequestType RequestType { get; init; }

    public string? EntryPoint { get; init; }

    public required int MaxHoursBeforeDeparture { get; init; }

    public required int MinMinutesDelay { get; init; }

    public required DateTimeOffset ContractExpiryDateTime { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DgItinerary Itinerary { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public required IReadOnlyDictionary<string, string> Experiments { get; init; }

    public required IReadOnlyDictionary<string, DgContents> Contents { get; init; }

    public string? TermsConditionsUrl { get; init; }

    public string? FaqUrl { get; init; }

    public string? MerchandisingUrl { get; init; }

    public string? MerchandisingUrlWebComponent { get; init; }
}
