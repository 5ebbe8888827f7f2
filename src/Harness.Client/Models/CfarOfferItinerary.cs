using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record CfarOfferItinerary
{
    public required IReadOnlyList<PassengerPricing> PassengerPricing { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<CfarItinerarySlice> Slices { get; init; }

    public IReadOnlyList<Ancillary>? Ancillaries { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "cfar_offer_itinerary.total_price");

    public IReadOnlyList<CfarOfferPassenger>? Passengers { get; init; }

    public IReadOnlyList<FareRule>? FareRules { get; init; }
}
