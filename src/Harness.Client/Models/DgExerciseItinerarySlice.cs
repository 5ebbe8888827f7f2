namespace Harness.Client.Models;

/// <summary>Spec: "An object containing the list of flight segments for a fare slice"</summary>
public sealed record DgExerciseItinerarySlice
{
    public required IReadOnlyList<DgExerciseItinerarySliceSegment> Segments { get; init; }

    public bool? Irop { get; init; }

    public bool? Invol { get; init; }

    public DgExerciseItinerarySlice? PreviousSlice { get; init; }
}
