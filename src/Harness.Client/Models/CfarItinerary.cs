using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record CfarItinerary
{
    public required IReadOnlyList<PassengerPricing> PassengerPricing { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<CfarItinerarySlice> Slices { get; init; }

    public IReadOnlyList<Ancillary>? Ancillaries { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "cfar_itinerary.total_price");

    public IReadOnlyList<CfarPassenger>? Passengers { get; init; }

    public IReadOnlyList<FareRule>? FareRules { get; init; }

    public IReadOnlyList<CfarPassengerTax>? Taxes { get; init; }
}
