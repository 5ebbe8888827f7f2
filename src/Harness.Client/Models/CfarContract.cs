using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A CFAR contract"</summary>
public sealed record CfarContract
{
    public required string Id { get; init; }

    public required string Reference { get; init; }

    public required IReadOnlyList<CfarOffer> Offers { get; init; }

    public required CfarItinerary Itinerary { get; init; }

    public required string CoveragePercentage { get; init; }

    [JsonIgnore]
    public decimal CoveragePercentageValue => AirlineAmount.Parse(CoveragePercentage, "cfar_contract.coverage_percentage");

    public required string Coverage { get; init; }

    [JsonIgnore]
    public decimal CoverageValue => AirlineAmount.Parse(Coverage, "cfar_contract.coverage");

    public required string Premium { get; init; }

    [JsonIgnore]
    public decimal PremiumValue => AirlineAmount.Parse(Premium, "cfar_contract.premium");

    public required string Currency { get; init; }

    public required string TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal TaxesTotalValue => AirlineAmount.Parse(TaxesTotal, "cfar_contract.taxes_total");

    public IReadOnlyList<CfarTax>? Taxes { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset ExpiryDateTime { get; init; }

    public required CfarStatus Status { get; init; }

    public string? PnrReference { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public string? ExerciseUrl { get; init; }
}
