using Harness.Client.Models;
using Harness.TestData.Reference;

namespace Harness.TestData;

/// <summary>One flight of a generated trip; times are the airports' local wall-clock times.</summary>
public sealed record TripSegment(
    string SegmentId,
    Airport Origin,
    Airport Destination,
    LocalDateTime Departure,
    LocalDateTime Arrival,
    Carrier Carrier,
    string FlightNumber,
    FareClass FareClass,
    Cabin Cabin,
    string FareBrand);

/// <summary>A traveller on a generated trip.</summary>
public sealed record TripPassenger(
    string Reference,
    PassengerType Type,
    string FirstName,
    string LastName,
    Gender Gender,
    DateOnly DateOfBirth,
    string Nationality,
    string PassportNumber);

/// <summary>A paid extra on a generated trip.</summary>
public sealed record TripAncillary(AncillaryType Type, string PassengerReference, decimal TotalPrice);

/// <summary>
/// A coherent trip from which every itinerary shape of the spec is projected (CFAR offer, contract, exercise; DG offer,
/// slices, exercise), so twin schemas describe the same journey with amounts that add up.
/// </summary>
public sealed record Trip(
    string PointOfSale,
    string Language,
    CurrencyInfo Currency,
    IReadOnlyList<IReadOnlyList<TripSegment>> Slices,
    IReadOnlyList<TripPassenger> Passengers,
    IReadOnlyDictionary<PassengerType, decimal> IndividualPrice,
    IReadOnlyList<TripAncillary> Ancillaries,
    string FareBasis)
{
    /// <summary>Passenger types present, each with its count, in enum order.</summary>
    public IReadOnlyList<(PassengerType Type, int Count)> PassengerCounts =>
        Passengers.GroupBy(p => p.Type).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>Σ count × individual price (excluding ancillaries), as the spec's passenger_pricing describes it.</summary>
    public decimal FareTotal => PassengerCounts.Sum(c => c.Count * IndividualPrice[c.Type]);

    /// <summary>Spec: "Total price to be covered by CFAR (including ancillaries if applicable)".</summary>
    public decimal TotalPrice => FareTotal + Ancillaries.Sum(a => a.TotalPrice);

    public string Format(decimal amount) => AirlineAmount.Format(amount, Currency.Decimals);
}
