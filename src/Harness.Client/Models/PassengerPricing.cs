using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record PassengerPricing
{
    public required PassengerCount PassengerCount { get; init; }

    public required string IndividualPrice { get; init; }

    [JsonIgnore]
    public decimal IndividualPriceValue => AirlineAmount.Parse(IndividualPrice, "passenger_pricing.individual_price");

    public IReadOnlyList<CfarPassengerTax>? Taxes { get; init; }
}
