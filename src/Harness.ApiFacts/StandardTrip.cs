using System.Globalization;

namespace Harness.ApiFacts;

/// <summary>
/// The trip every provider state and contract test prices: YUL→CDG on AC870 (validating carrier AC), one adult at
/// 500.00 CAD, departing <see cref="DaysOut"/> days after "now" at 18:00 UTC and landing 7 hours later, economy. A
/// contract request must name the same itinerary as its offer, so the pacts are written for <see cref="Now"/> and a
/// provider verifying them runs its clock at that instant (the sandbox: <c>--clock</c> or <c>SandboxOptions.Clock</c>).
/// </summary>
public static class StandardTrip
{
    /// <summary>The fixed "now" of the pacts: faker dates and provider-state entities derive from it.</summary>
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The faker seed of the pacts: the same seed and <see cref="Now"/> give byte-identical pact files.</summary>
    public const int Seed = 20300101;

    public const string Origin = "YUL";
    public const string Destination = "CDG";
    public const string FlightNumber = "AC870";
    public const string Carrier = "AC";
    public const string Currency = "CAD";

    /// <summary>The point of sale and its country (Canada, where CAD is the currency).</summary>
    public const string Country = "CA";

    /// <summary>The one adult's fare, and the trip's total: 500.00.</summary>
    public const decimal Fare = 500.00m;

    /// <summary><see cref="Fare"/> as the API writes amounts: "500.00".</summary>
    public static string FareAmount { get; } = Fare.ToString("0.00", CultureInfo.InvariantCulture);

    public const int Adults = 1;

    /// <summary>Days from "now" (its UTC date) to the departure date.</summary>
    public const int DaysOut = 30;

    /// <summary>The departure's hour of the day (UTC, written as a segment's local time).</summary>
    public const int DepartureHour = 18;

    public static readonly TimeSpan FlightTime = TimeSpan.FromHours(7);

    /// <summary>The departure for a given "now": <see cref="DaysOut"/> days after its UTC date, at <see cref="DepartureHour"/>:00.</summary>
    public static DateTime DepartureAfter(DateTimeOffset now) => now.UtcDateTime.Date.AddDays(DaysOut).AddHours(DepartureHour);

    /// <summary>The departure the pacts carry (<see cref="DepartureAfter"/> <see cref="Now"/>).</summary>
    public static DateTime Departure => DepartureAfter(Now);
}
