namespace Harness.Client.Models;

/// <summary>Spec: "Itinerary of the user when the contract exercise was initiated (only active segments should be provided)"</summary>
public sealed record DgExerciseItinerary
{
    public required IReadOnlyList<DgPassengerCount> PassengerCount { get; init; }

    public required IReadOnlyList<DgExerciseItinerarySlice> Slices { get; init; }

    public IReadOnlyList<DgPassenger>? Passengers { get; init; }
}
