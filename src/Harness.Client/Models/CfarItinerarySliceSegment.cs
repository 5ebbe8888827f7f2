namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing a segment of a fare slice"</summary>
public sealed record CfarItinerarySliceSegment
{
    public required string OriginAirport { get; init; }

    public required string DestinationAirport { get; init; }

    public required LocalDateTime DepartureDateTime { get; init; }

    public required LocalDateTime ArrivalDateTime { get; init; }

    public required string FlightNumber { get; init; }

    public required string ValidatingCarrierCode { get; init; }

    public required FareClass FareClass { get; init; }

    public string? FareBrand { get; init; }
}
