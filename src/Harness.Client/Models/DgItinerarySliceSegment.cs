namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing a segment of a fare slice"</summary>
public sealed record DgItinerarySliceSegment
{
    public string? SegmentId { get; init; }

    public required string OriginAirport { get; init; }

    public required string DestinationAirport { get; init; }

    public required LocalDateTime DepartureDateTime { get; init; }

    public required LocalDateTime ArrivalDateTime { get; init; }

    public required string FlightNumber { get; init; }

    public required string ValidatingCarrierCode { get; init; }

    public required Cabin Cabin { get; init; }

    public string? FareBrand { get; init; }
}
