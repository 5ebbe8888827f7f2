using System.Globalization;
using System.Text.Json;
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
/// What pricing shares across products: reading an itinerary, days to departure, money and time formats. Each product's
/// prices are in its rules (<see cref="CfarRules.Quote"/>, <see cref="DgRules.Quote"/>). Pricing is deterministic: the
/// same itinerary at the same clock time always gets the same offer. Segment times are local times without offset
/// (spec); the sandbox reads them as UTC.
/// </summary>
internal static class Pricing
{
    /// <summary>Prices above this are refused (422) so premium arithmetic can never overflow.</summary>
    public const decimal MaxTotalPrice = 1_000_000_000m;

    public static int DaysToDeparture(ItineraryFacts facts, DateTimeOffset now) => (int)Math.Floor((facts.FirstDeparture - now).TotalDays);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Reads an already schema-valid itinerary (CFAR or DG purchase shape); <paramref name="field"/> names it in errors.</summary>
    /// <remarks>Reads the request document's elements directly: no node tree is built on the offer path.</remarks>
    public static ItineraryFacts Read(JsonElement itinerary, string field)
    {
        var currency = itinerary.GetProperty("currency"u8).GetString()!;
        var passengers = 0;
        var computedTotal = 0m;
        try
        {
            foreach (var pricing in itinerary.GetProperty("passenger_pricing"u8).EnumerateArray())
            {
                var count = pricing.GetProperty("passenger_count"u8).GetProperty("count"u8).GetInt32();
                passengers = checked(passengers + count);
                computedTotal += count * ParseAmount(pricing.GetProperty("individual_price"u8).GetString()!);
            }
        }
        catch (OverflowException)
        {
            throw ApiException.Unprocessable($"{field}.passenger_pricing", "out_of_range", $"{field}.passenger_pricing adds up to more than the sandbox can price.");
        }

        var total = itinerary.TryGetProperty("total_price"u8, out var t) ? ParseAmount(t.GetString()!) : computedTotal;
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
        var s = 0;
        foreach (var slice in itinerary.GetProperty("slices"u8).EnumerateArray())
        {
            var g = 0;
            foreach (var segment in slice.GetProperty("segments"u8).EnumerateArray())
            {
                var departureText = segment.GetProperty("departure_date_time"u8).GetString()!;
                var departure = LocalTime(departureText, s, g, field, "departure_date_time");
                var arrival = LocalTime(segment.GetProperty("arrival_date_time"u8).GetString()!, s, g, field, "arrival_date_time");
                first = first is null || departure < first ? departure : first;
                last = last is null || arrival > last ? arrival : last;
                segmentKeys.Add(string.Concat(segment.GetProperty("origin_airport"u8).GetString(), "-", segment.GetProperty("destination_airport"u8).GetString(), "@",
                    departureText, "#", segment.GetProperty("flight_number"u8).GetString()));
                g++;
            }

            s++;
        }

        return new ItineraryFacts(currency, passengers, total, first!.Value, last!.Value, $"{currency}|{passengers}|{string.Join(',', segmentKeys)}");
    }

    public static decimal ParseAmount(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>A segment time; the field name is only built when the time is refused.</summary>
    private static DateTimeOffset LocalTime(string text, int slice, int segment, string itineraryField, string property)
    {
        // Years are bounded so that expiry arithmetic (± hours and days) can never leave DateTime's range.
        if (!(TryParseSeconds(text, out var local) || DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            || local.Year is < 1900 or > 2999)
        {
            var field = $"{itineraryField}.slices[{slice}].segments[{segment}].{property}";
            throw ApiException.Unprocessable(field, "format", $"{field} must be an ISO local date-time such as 2022-04-02T18:34:30, not '{text}'.");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
    }

    /// <summary>
    /// The common shape, yyyy-MM-ddTHH:mm:ss, read digit by digit (TryParseExact over three formats was a visible share of
    /// an offer). Anything else, including impossible dates, falls through to TryParseExact, which decides.
    /// </summary>
    internal static bool TryParseSeconds(string text, out DateTime value)
    {
        value = default;
        if (text.Length != 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!(Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month) && Digits(text, 8, 2, out var day)
            && Digits(text, 11, 2, out var hour) && Digits(text, 14, 2, out var minute) && Digits(text, 17, 2, out var second)))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool Digits(string text, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }
}
