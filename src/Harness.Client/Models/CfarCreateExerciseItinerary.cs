using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "Itinerary of the user when the contract exercise was initiated (only active segments should be provided)"</summary>
public sealed record CfarCreateExerciseItinerary
{
    public IReadOnlyList<CfarCreateExercisePassengerPricing>? PassengerPricing { get; init; }

    public string? Currency { get; init; }

    public required IReadOnlyList<CfarCreateExerciseItinerarySlice> Slices { get; init; }

    public IReadOnlyList<Ancillary>? Ancillaries { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "cfar_create_exercise_itinerary.total_price");

    public IReadOnlyList<CfarPassenger>? Passengers { get; init; }

    public IReadOnlyList<FareRule>? FareRules { get; init; }
}
