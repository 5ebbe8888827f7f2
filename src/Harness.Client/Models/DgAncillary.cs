using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing the fare used to create a DG offer"</summary>
public sealed record DgAncillary
{
    public required string TotalPrice { get; init; }

    [JsonIgnore]
    public decimal TotalPriceValue => AirlineAmount.Parse(TotalPrice, "dg_ancillary.total_price");

    public string? PassengerReference { get; init; }

    public required DgAncillaryType Type { get; init; }

    public bool? Covered { get; init; }
}
