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
        if (text is not null
            && DateTime.TryParseExact(text, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = new LocalDateTime(parsed);
            return true;
        }

        value = default;
        return false;
    }

    public LocalDateTime AddMinutes(double minutes) => new(Value.AddMinutes(minutes));

    public int CompareTo(LocalDateTime other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(WireFormat, CultureInfo.InvariantCulture);

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
