using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Client.Serialization;

/// <summary>
/// The one JSON configuration for the Airline API wire format. Sandbox, contracts, scenarios and load all reuse it,
/// so snake_case and the date rules live in exactly one place.
/// </summary>
public static class AirlineJson
{
    /// <summary>Shared, read-only options: snake_case properties, exact enum wire names, UTC 'Z' date-times.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            PropertyNameCaseInsensitive = false,
            // The spec marks nothing nullable: an absent optional property is omitted, never sent as null.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            // Other producers may put "type" anywhere in a union object, not only first.
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes <paramref name="value"/> as its declared type, so union members carry their <c>type</c>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes a JSON document, throwing <see cref="JsonException"/> naming the first offending path.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name} but the JSON was null.");

    /// <inheritdoc cref="Deserialize{T}(string)"/>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name} but the JSON was null.");
}
