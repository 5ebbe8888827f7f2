using Harness.TestData.Reference;

namespace Harness.Contracts.Support;

/// <summary>
/// The standard trip (<see cref="StandardTrip"/>: the sandbox's provider-state itinerary) as the fakers' <see cref="Trip"/>,
/// departing 30 days after the pacts' "now", so every request body the contract tests send prices it.
/// </summary>
public static class TripData
{
    public static Trip Standard()
    {
        var segment = new TripSegment(
            "SEG1",
            Airport(StandardTrip.Origin),
            Airport(StandardTrip.Destination),
            new LocalDateTime(StandardTrip.Departure),
            new LocalDateTime(StandardTrip.Departure + StandardTrip.FlightTime),
            ReferenceData.Carriers.Single(c => c.Code == StandardTrip.Carrier),
            StandardTrip.FlightNumber,
            FareClass.Economy,
            Cabin.Economy,
            "standard");
        var passenger = new TripPassenger("P1", PassengerType.Adult, "Camille", "Tremblay", Gender.Female, new DateOnly(1988, 4, 12), StandardTrip.Country, "AB123456");
        return new Trip(
            StandardTrip.Country,
            "en",
            ReferenceData.CurrencyByCountry[StandardTrip.Country],
            [[segment]],
            [passenger],
            new Dictionary<PassengerType, decimal> { [PassengerType.Adult] = StandardTrip.Fare },
            [],
            "YLOWCA");
    }

    private static Airport Airport(string code) => ReferenceData.Airports.Single(a => a.Code == code);
}
