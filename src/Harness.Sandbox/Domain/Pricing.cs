using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.Spec;
using Harness.Sandbox.Api;

namespace Harness.Sandbox.Domain;

/// <summary>What an itinerary says that pricing needs, read once.</summary>
internal sealed record ItineraryFacts(
    string Currency,
    int Passengers,
    decimal TotalPrice,
    DateTimeOffset FirstDeparture,
    DateTimeOffset LastArrival);

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

    [ThreadStatic]
    private static StringBuilder? s_fingerprint;

    public static int DaysToDeparture(ItineraryFacts facts, DateTimeOffset now) => (int)Math.Floor((facts.FirstDeparture - now).TotalDays);

    /// <summary>An amount as the spec writes them, two decimals: "40.80".</summary>
    public static string Money(decimal amount) => amount.ToString(MoneyFormat, CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Money"/>'s text as a property, formatted on the stack (the offer path writes five).</summary>
    public static void WriteMoney(Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal amount)
    {
        Span<byte> text = stackalloc byte[48];
        amount.TryFormat(text, out var length, MoneyFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    /// <summary>An instant as the spec writes them, UTC to the second: "2022-01-08T14:36:56Z".</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        Span<char> text = stackalloc char[32];
        time.UtcDateTime.TryFormat(text, out var length, SortableFormat, CultureInfo.InvariantCulture);
        text[length++] = 'Z';
        return new string(text[..length]);
    }

    /// <summary>Writes <see cref="Timestamp"/>'s text as a property, formatted on the stack.</summary>
    public static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset time)
    {
        Span<byte> text = stackalloc byte[32];
        time.UtcDateTime.TryFormat(text, out var length, SortableFormat, CultureInfo.InvariantCulture);
        text[length++] = (byte)'Z';
        writer.WriteString(name, text[..length]);
    }

    // Standard formats, which have fast paths where custom ones are interpreted: "F2" is "0.00" (the same rounding, half
    // away from zero), and "s" is yyyy-MM-dd'T'HH:mm:ss, to which the 'Z' of a UTC time is added.
    private const string MoneyFormat = "F2";

    private const string SortableFormat = "s";

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Reads an already schema-valid itinerary (CFAR or DG purchase shape); <paramref name="field"/> names it in errors.</summary>
    /// <remarks>Reads the request document's elements directly: no node tree is built on the offer path.</remarks>
    public static ItineraryFacts Read(JsonElement itinerary, string field)
    {
        // Amounts and times are read as characters on the stack; only what is kept (the currency) becomes a string.
        Span<char> chars = stackalloc char[JsonChars.StackLimit];
        var currency = itinerary.GetProperty("currency"u8).GetString()!;
        var passengers = 0;
        var computedTotal = 0m;
        try
        {
            foreach (var pricing in itinerary.GetProperty("passenger_pricing"u8).EnumerateArray())
            {
                var count = pricing.GetProperty("passenger_count"u8).GetProperty("count"u8).GetInt32();
                passengers = checked(passengers + count);
                computedTotal += count * ParseAmount(JsonChars.Read(pricing.GetProperty("individual_price"u8), chars));
            }
        }
        catch (OverflowException)
        {
            throw ApiException.Unprocessable($"{field}.passenger_pricing", "out_of_range", $"{field}.passenger_pricing adds up to more than the sandbox can price.");
        }

        var total = itinerary.TryGetProperty("total_price"u8, out var t) ? ParseAmount(JsonChars.Read(t, chars)) : computedTotal;
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
        var s = 0;
        foreach (var slice in itinerary.GetProperty("slices"u8).EnumerateArray())
        {
            var g = 0;
            foreach (var segment in slice.GetProperty("segments"u8).EnumerateArray())
            {
                // Each time is parsed before the next is read into the same characters.
                var departure = LocalTime(JsonChars.Read(segment.GetProperty("departure_date_time"u8), chars), s, g, field, "departure_date_time");
                var arrival = LocalTime(JsonChars.Read(segment.GetProperty("arrival_date_time"u8), chars), s, g, field, "arrival_date_time");
                first = first is null || departure < first ? departure : first;
                last = last is null || arrival > last ? arrival : last;
                g++;
            }

            s++;
        }

        return new ItineraryFacts(currency, passengers, total, first!.Value, last!.Value);
    }

    /// <summary>
    /// What a contract's itinerary must share with its offers' (currency, passenger count and segments), as text:
    /// currency|passengers|origin-destination@departure#flight,... for every segment in order. Asked for only when a
    /// contract is made, so the offer path does not build it.
    /// </summary>
    public static string Fingerprint(JsonElement itinerary, ItineraryFacts facts)
    {
        Span<char> chars = stackalloc char[JsonChars.StackLimit];
        var fingerprint = (s_fingerprint ??= new StringBuilder(256)).Clear().Append(facts.Currency).Append('|').Append(facts.Passengers).Append('|');
        var segments = 0;
        foreach (var slice in itinerary.GetProperty("slices"u8).EnumerateArray())
        {
            foreach (var segment in slice.GetProperty("segments"u8).EnumerateArray())
            {
                // Each value is appended before the next is read into the same characters.
                fingerprint.Append(segments++ == 0 ? "" : ",").Append(JsonChars.Read(segment.GetProperty("origin_airport"u8), chars)).Append('-')
                    .Append(JsonChars.Read(segment.GetProperty("destination_airport"u8), chars)).Append('@')
                    .Append(JsonChars.Read(segment.GetProperty("departure_date_time"u8), chars))
                    .Append('#').Append(JsonChars.Read(segment.GetProperty("flight_number"u8), chars));
            }
        }

        return fingerprint.ToString();
    }

    public static decimal ParseAmount(string text) => ParseAmount(text.AsSpan());

    public static decimal ParseAmount(ReadOnlySpan<char> text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static readonly string[] LocalTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>A segment time; the field name is only built when the time is refused.</summary>
    private static DateTimeOffset LocalTime(ReadOnlySpan<char> text, int slice, int segment, string itineraryField, string property)
    {
        // Years are bounded so that expiry arithmetic (± hours and days) can never leave DateTime's range.
        if (!(TryParseSeconds(text, out var local) || DateTime.TryParseExact(text, LocalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            || local.Year is < 1900 or > 2999)
        {
            var field = $"{itineraryField}.slices[{slice}].segments[{segment}].{property}";
            throw ApiException.Unprocessable(field, "format", $"{field} must be an ISO local date-time such as 2022-04-02T18:34:30, not '{text.ToString()}'.");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
    }

    /// <summary>
    /// The common shape, yyyy-MM-ddTHH:mm:ss, read digit by digit (TryParseExact over three formats was a visible share of
    /// an offer). Anything else, including impossible dates, falls through to TryParseExact, which decides.
    /// </summary>
    internal static bool TryParseSeconds(ReadOnlySpan<char> text, out DateTime value)
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

    private static bool Digits(ReadOnlySpan<char> text, int start, int length, out int number)
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
