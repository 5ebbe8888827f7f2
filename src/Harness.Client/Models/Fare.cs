using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record Fare
{
    public string? Price { get; init; }

    [JsonIgnore]
    public decimal? PriceValue => AirlineAmount.ParseOptional(Price, "fare.price");

    public string? FareBrand { get; init; }

    public string? FareBasis { get; init; }

    public IReadOnlyList<FareRule>? FareRules { get; init; }
}
