namespace Harness.Client.Models;

/// <summary>Spec: "Request to update CFAR contract itinerary slices"</summary>
public sealed record UpdateCfarContractItinerarySlicesRequest
{
    public required IReadOnlyList<UpdateCfarContractItinerarySliceRequest> Slices { get; init; }

    public IReadOnlyList<PassengerCount>? PassengerCounts { get; init; }

    public string? PnrReference { get; init; }
}
