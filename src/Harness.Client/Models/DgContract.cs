using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A DG contract"</summary>
public sealed record DgContract
{
    public required string Id { get; init; }

    public required string Reference { get; init; }

    public required DgStatus Status { get; init; }

    public required IReadOnlyList<DgOffer> Offers { get; init; }

    public required DgItinerary Itinerary { get; init; }

    public required string CoveragePercentage { get; init; }

    [JsonIgnore]
    public decimal CoveragePercentageValue => AirlineAmount.Parse(CoveragePercentage, "dg_contract.coverage_percentage");

    public required string Coverage { get; init; }

    [JsonIgnore]
    public decimal CoverageValue => AirlineAmount.Parse(Coverage, "dg_contract.coverage");

    public required string Premium { get; init; }

    [JsonIgnore]
    public decimal PremiumValue => AirlineAmount.Parse(Premium, "dg_contract.premium");

    public required string ServiceCap { get; init; }

    [JsonIgnore]
    public decimal ServiceCapValue => AirlineAmount.Parse(ServiceCap, "dg_contract.service_cap");

    public required string Currency { get; init; }

    public required string TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal TaxesTotalValue => AirlineAmount.Parse(TaxesTotal, "dg_contract.taxes_total");

    public IReadOnlyList<DgTax>? Taxes { get; init; }

    public required int MaxHoursBeforeDeparture { get; init; }

    public required int MinMinutesDelay { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset ExpiryDateTime { get; init; }

    public string? Language { get; init; }

    public string? PnrReference { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }
}
