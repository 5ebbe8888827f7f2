using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record DgItinerary
{
    public required IReadOnlyList<DgPassengerPricing> PassengerPricing { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<DgItinerarySlice> Slices { get; init; }

    public IReadOnlyList<DgAncillary>? Ancillaries { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "dg_itinerary.total_price");

    public IReadOnlyList<DgPassenger>? Passengers { get; init; }
}
