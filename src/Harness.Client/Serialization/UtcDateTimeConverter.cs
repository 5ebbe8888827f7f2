using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Client.Serialization;

/// <summary>
/// Spec: "A UTC RFC3339 datetime". Writes UTC with a 'Z' suffix as the spec's examples do
/// (<c>2022-01-08T14:36:56Z</c>); reads any RFC3339 offset.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            || !HasOffset(text))
        {
            throw new JsonException($"'{text}' is not a UTC RFC3339 date-time (expected e.g. 2022-01-08T14:36:56Z).");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }

    private static bool HasOffset(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (timeStart < 0)
        {
            return false;
        }

        var time = text.AsSpan(timeStart);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.Contains('-');
    }
}
