using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A successful CFAR offer response"</summary>
public sealed record CfarOffer
{
    public required string Id { get; init; }

    public required string Premium { get; init; }

    [JsonIgnore]
    public decimal PremiumValue => AirlineAmount.Parse(Premium, "cfar_offer.premium");

    public required string Coverage { get; init; }

    [JsonIgnore]
    public decimal CoverageValue => AirlineAmount.Parse(Coverage, "cfar_offer.coverage");

    public required string CoveragePercentage { get; init; }

    [JsonIgnore]
    public decimal CoveragePercentageValue => AirlineAmount.Parse(CoveragePercentage, "cfar_offer.coverage_percentage");

    public string? CoverageExtension { get; init; }

    [JsonIgnore]
    public decimal? CoverageExtensionValue => AirlineAmount.ParseOptional(CoverageExtension, "cfar_offer.coverage_extension");

    public required string Currency { get; init; }

    public required string TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal TaxesTotalValue => AirlineAmount.Parse(TaxesTotal, "cfar_offer.taxes_total");

    public IReadOnlyList<CfarTax>? Taxes { get; init; }

    public required RequestType RequestType { get; init; }

    public string? EntryPoint { get; init; }

    public required DateTimeOffset ContractExpiryDateTime { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required CfarItinerary Itinerary { get; init; }

    public required IReadOnlyDictionary<string, CfarContents> Contents { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public required IReadOnlyDictionary<string, string> Experiments { get; init; }

    public string? TermsConditionsUrl { get; init; }

    public string? FaqUrl { get; init; }

    public string? MerchandisingUrl { get; init; }

    public string? MerchandisingUrlWebComponent { get; init; }
}
