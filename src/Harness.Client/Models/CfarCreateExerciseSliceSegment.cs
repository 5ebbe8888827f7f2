namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing a segment of a fare slice"</summary>
public sealed record CfarCreateExerciseSliceSegment
{
    public required string OriginAirport { get; init; }

    public required string DestinationAirport { get; init; }

    public required LocalDateTime DepartureDateTime { get; init; }

    public required LocalDateTime ArrivalDateTime { get; init; }

    public required string FlightNumber { get; init; }

    public string? ValidatingCarrierCode { get; init; }

    public FareClass? FareClass { get; init; }

    public string? FareBrand { get; init; }
}
