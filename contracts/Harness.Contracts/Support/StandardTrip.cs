using Harness.TestData;
using Harness.TestData.Reference;

namespace Harness.Contracts.Support;

/// <summary>
/// The journey every contract test prices: the sandbox's provider-state itinerary (YUL→CDG on AC870, one adult at
/// 500.00 CAD, departing 30 days after "now" at 18:00). A contract request must name the same itinerary as its offer
/// (currency, passenger count, segments), so the pacts are written for <see cref="Now"/> and a provider verifying them
/// runs its clock at that instant.
/// </summary>
public static class StandardTrip
{
    /// <summary>The fixed "now" of the pacts: faker dates and provider-state entities derive from it.</summary>
    public static readonly DateTimeOffset Now = ContractReference.Now;

    /// <summary>The faker seed of the pacts: the same seed and <see cref="Now"/> give byte-identical pact files.</summary>
    public const int Seed = ContractReference.Seed;

    public static readonly DateTime Departure = Now.UtcDateTime.Date.AddDays(30).AddHours(18);

    public static Trip Create()
    {
        var segment = new TripSegment(
            "SEG1",
            Airport("YUL"),
            Airport("CDG"),
            new LocalDateTime(Departure),
            new LocalDateTime(Departure.AddHours(7)),
            ReferenceData.Carriers.Single(c => c.Code == "AC"),
            "AC870",
            FareClass.Economy,
            Cabin.Economy,
            "standard");
        var passenger = new TripPassenger("P1", PassengerType.Adult, "Camille", "Tremblay", Gender.Female, new DateOnly(1988, 4, 12), "CA", "AB123456");
        return new Trip(
            "CA",
            "en",
            ReferenceData.CurrencyByCountry["CA"],
            [[segment]],
            [passenger],
            new Dictionary<PassengerType, decimal> { [PassengerType.Adult] = 500.00m },
            [],
            "YLOWCA");
    }

    private static Airport Airport(string code) => ReferenceData.Airports.Single(a => a.Code == code);
}
