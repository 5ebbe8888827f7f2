using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record Ancillary
{
    public required string TotalPrice { get; init; }

    [JsonIgnore]
    public decimal TotalPriceValue => AirlineAmount.Parse(TotalPrice, "ancillary.total_price");

    public string? PassengerReference { get; init; }

    public required AncillaryType Type { get; init; }

    public bool? Covered { get; init; }
}
