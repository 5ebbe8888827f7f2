namespace Harness.Client.Models;

/// <summary>Spec: "An object containing the list of flight segments for a fare slice"</summary>
public sealed record DgItinerarySlice
{
    public required IReadOnlyList<DgItinerarySliceSegment> Segments { get; init; }

    public string? FareBrand { get; init; }

    public IReadOnlyList<DgPassengerPricing>? PassengerPricing { get; init; }
}
