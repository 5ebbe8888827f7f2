using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Sandbox.Api;

namespace Harness.Sandbox.Domain;

/// <summary>What an itinerary says that pricing needs, read once.</summary>
internal sealed record ItineraryFacts(
    string Currency,
    int Passengers,
    decimal TotalPrice,
    DateTimeOffset FirstDeparture,
    DateTimeOffset LastArrival,
    string Fingerprint);

/// <summary>
/// Deterministic pricing: the same itinerary at the same clock time always gets the same offer.
/// Segment times are local times without offset (spec); the sandbox reads them as UTC.
/// </summary>
internal static class Pricing
{
    /// <summary>CFAR can be exercised until this long before the first departure.</summary>
    public static readonly TimeSpan CfarExerciseCutoff = TimeSpan.FromHours(3);

    public const decimal CfarCoveragePercentage = 80m;

    public const decimal CfarPerPassengerFee = 2m;

    public const decimal DgBasePerPassenger = 5m;

    public const decimal DgMinimumServiceCap = 250m;

    public const int DgMinMinutesDelay = 180;

    /// <summary>Prices above this are refused (422) so premium arithmetic can never overflow.</summary>
    public const decimal MaxTotalPrice = 1_000_000_000m;

    /// <summary>
    /// CFAR premium = total × rate + 2.00 × passengers, rate 10% under 7 days to departure, 8% under 30, else 6%.
    /// Coverage = 80% of the total price.
    /// </summary>
    public static decimal CfarRate(int daysToDeparture) => daysToDeparture < 7 ? 0.10m : daysToDeparture < 30 ? 0.08m : 0.06m;

    public static decimal CfarPremium(ItineraryFacts facts, DateTimeOffset now) =>
        Round((facts.TotalPrice * CfarRate(DaysToDeparture(facts, now))) + (CfarPerPassengerFee * facts.Passengers));

    public static decimal CfarCoverage(ItineraryFacts facts) => Round(facts.TotalPrice * CfarCoveragePercentage / 100m);

    /// <summary>DG premium per passenger = 5.00 + 3% of the average fare, + 5.00 under 7 days to departure.</summary>
    public static decimal DgPremiumPerPassenger(ItineraryFacts facts, DateTimeOffset now) =>
        Round(DgBasePerPassenger + (AverageFare(facts) * 0.03m) + (DaysToDeparture(facts, now) < 7 ? 5m : 0m));

    /// <summary>DG service cap per passenger = 1.5 × the average fare, at least 250.00.</summary>
    public static decimal DgServiceCap(ItineraryFacts facts) => Round(Math.Max(DgMinimumServiceCap, AverageFare(facts) * 1.5m));

    /// <summary>Cover starts 24 h before departure, or 3 h when departure is under 2 days away.</summary>
    public static int DgMaxHoursBeforeDeparture(ItineraryFacts facts, DateTimeOffset now) => DaysToDeparture(facts, now) >= 2 ? 24 : 3;

    public static int DaysToDeparture(ItineraryFacts facts, DateTimeOffset now) => (int)Math.Floor((facts.FirstDeparture - now).TotalDays);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal AverageFare(ItineraryFacts facts) => facts.TotalPrice / facts.Passengers;

    /// <summary>Reads an already schema-valid itinerary (CFAR or DG purchase shape); <paramref name="field"/> names it in errors.</summary>
    public static ItineraryFacts Read(JsonObject itinerary, string field)
    {
        var currency = (string)itinerary["currency"]!;
        var passengers = 0;
        var computedTotal = 0m;
        try
        {
            foreach (var pricing in itinerary["passenger_pricing"]!.AsArray())
            {
                var count = (int)pricing!["passenger_count"]!["count"]!;
                passengers = checked(passengers + count);
                computedTotal += count * ParseAmount((string)pricing["individual_price"]!);
            }
        }
        catch (OverflowException)
        {
            throw ApiException.Unprocessable($"{field}.passenger_pricing", "out_of_range", $"{field}.passenger_pricing adds up to more than the sandbox can price.");
        }

        var total = itinerary["total_price"] is JsonValue t ? ParseAmount((string)t!) : computedTotal;
        if (total > MaxTotalPrice)
        {
            throw ApiException.Unprocessable($"{field}.total_price", "out_of_range", $"{field}.total_price must not exceed {Money(MaxTotalPrice)} to be priced.");
        }

        if (total <= 0m)
        {
            throw ApiException.Unprocessable($"{field}.total_price", "invalid_amount", $"{field}.total_price must be greater than 0 to price an offer.");
        }

        DateTimeOffset? first = null;
        DateTimeOffset? last = null;
        var segmentKeys = new List<string>();
        var slices = itinerary["slices"]!.AsArray();
        for (var s = 0; s < slices.Count; s++)
        {
            var segments = slices[s]!["segments"]!.AsArray();
            for (var g = 0; g < segments.Count; g++)
            {
                var segment = segments[g]!;
                var path = $"{field}.slices[{s}].segments[{g}]";
                var departure = LocalTime((string)segment["departure_date_time"]!, $"{path}.departure_date_time");
                var arrival = LocalTime((string)segment["arrival_date_time"]!, $"{path}.arrival_date_time");
                first = first is null || departure < first ? departure : first;
                last = last is null || arrival > last ? arrival : last;
                segmentKeys.Add(string.Concat((string)segment["origin_airport"]!, "-", (string)segment["destination_airport"]!, "@",
                    (string)segment["departure_date_time"]!, "#", (string)segment["flight_number"]!));
            }
        }

        return new ItineraryFacts(currency, passengers, total, first!.Value, last!.Value, $"{currency}|{passengers}|{string.Join(',', segmentKeys)}");
    }

    public static decimal ParseAmount(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static DateTimeOffset LocalTime(string text, string field)
    {
        // Years are bounded so that expiry arithmetic (± hours and days) can never leave DateTime's range.
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 1900 or > 2999)
        {
            throw ApiException.Unprocessable(field, "format", $"{field} must be an ISO local date-time such as 2022-04-02T18:34:30, not '{text}'.");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
    }
}
