using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>
/// A flight segment time. Spec: "The local date and time of departure in ISO Local Date Time format"
/// (<c>2022-04-02T18:34:30</c>): no offset and no 'Z', unlike the UTC date-time fields.
/// </summary>
[JsonConverter(typeof(LocalDateTimeJsonConverter))]
public readonly record struct LocalDateTime : IComparable<LocalDateTime>
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    private static readonly string[] AcceptedFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"];

    public LocalDateTime(DateTime value) => Value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    /// <summary>The wall-clock time at the airport; <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime Value { get; }

    public static LocalDateTime Parse(string text)
    {
        if (!TryParse(text, out var value))
        {
            throw new FormatException($"'{text}' is not an ISO local date-time without offset (expected e.g. 2022-04-02T18:34:30).");
        }

        return value;
    }

    public static bool TryParse(string? text, out LocalDateTime value)
    {
        if (text is not null && TryParseCanonical(text, out value))
        {
            return true;
        }

        if (text is not null
            && DateTime.TryParseExact(text, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = new LocalDateTime(parsed);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The two shapes every producer sends, <c>yyyy-MM-ddTHH:mm:ss</c> and <c>yyyy-MM-ddTHH:mm</c>, read digit by digit:
    /// DateTime.TryParseExact costs a culture-aware comparison per literal, on every flight segment of every response.
    /// Anything else (fractions, out-of-range fields) goes to TryParseExact, which stays the definition of valid.
    /// </summary>
    private static bool TryParseCanonical(string text, out LocalDateTime value)
    {
        value = default;
        if ((text.Length != 19 && text.Length != 16)
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
            || (text.Length == 19 && text[16] != ':'))
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        if (text.Length == 19 && !TryDigits(text, 17, 2, out second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new LocalDateTime(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified));
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }

    public LocalDateTime AddMinutes(double minutes) => new(Value.AddMinutes(minutes));

    public int CompareTo(LocalDateTime other) => Value.CompareTo(other.Value);

    /// <remarks>Whole seconds, the usual case, use the sortable "s" format: the same text, without the custom-format parser.</remarks>
    public override string ToString() => Value.Ticks % TimeSpan.TicksPerSecond == 0
        ? Value.ToString("s", CultureInfo.InvariantCulture)
        : Value.ToString(WireFormat, CultureInfo.InvariantCulture);

    public static bool operator <(LocalDateTime left, LocalDateTime right) => left.CompareTo(right) < 0;

    public static bool operator >(LocalDateTime left, LocalDateTime right) => left.CompareTo(right) > 0;

    public static bool operator <=(LocalDateTime left, LocalDateTime right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LocalDateTime left, LocalDateTime right) => left.CompareTo(right) >= 0;
}

/// <summary>Reads and writes <see cref="LocalDateTime"/> as <c>yyyy-MM-ddTHH:mm:ss</c>, rejecting offsets.</summary>
public sealed class LocalDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return LocalDateTime.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO local date-time without offset (expected e.g. 2022-04-02T18:34:30).");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
