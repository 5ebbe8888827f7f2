using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Harness.Client.Atlas;

/// <summary>The one place Atlas's wire naming and date formats are decided (camelCase, as Atlas sends).</summary>
public static class AtlasJson
{
    /// <summary>Atlas's wire date format: "yyyy-MM-dd HH:mm:ss".</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>"All system times except flight times are GMT+8 (Singapore)."</summary>
    public static readonly TimeSpan AtlasOffset = TimeSpan.FromHours(8);

    private static readonly string[] WireFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    // Atlas's own Incident List sample answers with Java's default Date.toString-ish form.
    private static readonly string[] JavaFormats = ["MMM d, yyyy h:mm:ss tt", "MMM dd, yyyy h:mm:ss tt", "MMM d, yyyy hh:mm:ss tt"];

    /// <summary>Serializer options for every Atlas request and response body.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // spec: pageIndex, pageSize and total are typed "string" in the schema but sent as numbers.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new AtlasEventTimeConverter());
        options.Converters.Add(new AtlasLocalTimeConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Parses an Atlas wall-clock time in the documented form, the seconds-less form of the confirm samples
    /// ("2023-04-23 13:30") or the Java form of the list sample ("Apr 1, 2023 12:36:44 AM").
    /// </summary>
    public static bool TryParseWallClock(string? text, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        // Newer JDKs put a narrow no-break space before AM/PM; splitting on null splits on every Unicode space.
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return DateTime.TryParseExact(normalized, WireFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            || DateTime.TryParseExact(normalized, JavaFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }

    /// <summary>Formats an event time as Atlas expects it: converted to UTC+08:00, "yyyy-MM-dd HH:mm:ss".</summary>
    public static string FormatEventTime(DateTimeOffset value) =>
        value.ToOffset(AtlasOffset).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a departure-local time as "yyyy-MM-dd HH:mm:ss" (no offset: the airport's local clock).</summary>
    public static string FormatLocalTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    internal static JsonException BadDate(string? text) =>
        new($"'{text}' is not an Atlas date: expected \"{DateTimeFormat}\" or the \"MMM d, yyyy h:mm:ss AM\" form.");
}

/// <summary>Event, create, update and confirm times: wall clock in UTC+08:00 on the wire, a <see cref="DateTimeOffset"/> here.</summary>
public sealed class AtlasEventTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!AtlasJson.TryParseWallClock(text, out var wallClock))
            throw AtlasJson.BadDate(text);
        return new DateTimeOffset(wallClock, AtlasJson.AtlasOffset);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(AtlasJson.FormatEventTime(value));
    }
}

/// <summary>Departure and arrival times: the airport's local clock, so a <see cref="DateTime"/> of kind Unspecified.</summary>
public sealed class AtlasLocalTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (!AtlasJson.TryParseWallClock(text, out var wallClock))
            throw AtlasJson.BadDate(text);
        return DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(AtlasJson.FormatLocalTime(value));
    }
}
