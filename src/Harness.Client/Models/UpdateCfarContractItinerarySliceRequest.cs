namespace Harness.Client.Models;

/// <summary>Spec: "An itinerary slice containing only flight segments"</summary>
public sealed record UpdateCfarContractItinerarySliceRequest
{
    public required IReadOnlyList<CfarItinerarySliceSegment> Segments { get; init; }
}
