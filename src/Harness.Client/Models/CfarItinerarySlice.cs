using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "An object containing the list of flight segments for a fare slice"</summary>
public sealed record CfarItinerarySlice
{
    public required IReadOnlyList<CfarItinerarySliceSegment> Segments { get; init; }

    public IReadOnlyList<PassengerPricing>? PassengerPricing { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "cfar_itinerary_slice.total_price");

    public string? FareBrand { get; init; }

    public string? FareBasis { get; init; }

    public IReadOnlyList<FareRule>? FareRules { get; init; }

    public IReadOnlyList<Fare>? OtherFares { get; init; }
}
