namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing a segment of a fare slice"</summary>
public sealed record DgExerciseItinerarySliceSegment
{
    public required string OriginAirport { get; init; }

    public required string DestinationAirport { get; init; }

    public required LocalDateTime DepartureDateTime { get; init; }

    public required LocalDateTime ArrivalDateTime { get; init; }

    public required LocalDateTime EstimatedDepartureDateTime { get; init; }

    public required LocalDateTime EstimatedArrivalDateTime { get; init; }

    public required string FlightNumber { get; init; }

    public required string ValidatingCarrierCode { get; init; }

    public required Cabin Cabin { get; init; }

    public required FlightStatus FlightStatus { get; init; }

    public bool? CheckedIn { get; init; }

    public bool? CheckedInBags { get; init; }

    public bool? CheckedBagAllowance { get; init; }

    public bool? Boarded { get; init; }

    public bool? Flown { get; init; }
}
