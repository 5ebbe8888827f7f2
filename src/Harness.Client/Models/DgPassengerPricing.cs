using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record DgPassengerPricing
{
    public required PassengerCount PassengerCount { get; init; }

    public required string IndividualPrice { get; init; }

    [JsonIgnore]
    public decimal IndividualPriceValue => AirlineAmount.Parse(IndividualPrice, "dg_passenger_pricing.individual_price");

    public IReadOnlyList<DgPassengerTax>? Taxes { get; init; }
}
