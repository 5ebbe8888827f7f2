using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Pact.Matchers;

/// <summary>
/// A Pact matching rule with its example value. Anywhere it appears (body, header, query, path, message) it travels to
/// the engine as the pact "integration JSON": <c>{"pact:matcher:type": ..., "value": ...}</c>. Build one with
/// <see cref="Match"/>.
/// </summary>
[JsonConverter(typeof(MatcherJsonConverter))]
public sealed class Matcher
{
    internal Matcher(string type, object? value, IReadOnlyList<KeyValuePair<string, object>>? attributes = null)
    {
        Type = type;
        Value = value;
        Attributes = attributes ?? [];
    }

    /// <summary>The matcher kind as the pact file names it (type, regex, integer, ...).</summary>
    public string Type { get; }

    /// <summary>The example value the mock server answers with and the pact file records.</summary>
    public object? Value { get; }

    /// <summary>Further attributes of the rule (regex, min, format).</summary>
    internal IReadOnlyList<KeyValuePair<string, object>> Attributes { get; }

    /// <summary>The integration JSON of this matcher, the example serialised with <paramref name="options"/>.</summary>
    public string ToJson(JsonSerializerOptions options) => JsonSerializer.Serialize(this, options);
}

/// <summary>Writes a <see cref="Matcher"/> as integration JSON; the example inside follows the caller's naming policy.</summary>
internal sealed class MatcherJsonConverter : JsonConverter<Matcher>
{
    public override Matcher Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Matchers are written into pacts, never read back.");

    public override void Write(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Type == "regex")
        {
            // The engine applies a regex to a number's text too ("400.00" → 400.0 would pass), so a regex matcher is a
            // combined rule: the regex AND the example's JSON type (a string).
            writer.WritePropertyName("pact:matcher:type");
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("pact:matcher:type", value.Type);
            WriteAttributes(writer, value, options);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("pact:matcher:type", "type");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("pact:matcher:type", value.Type);
            WriteAttributes(writer, value, options);
        }

        writer.WritePropertyName("value");
        JsonSerializer.Serialize(writer, value.Value, value.Value?.GetType() ?? typeof(object), options);
        writer.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter writer, Matcher value, JsonSerializerOptions options)
    {
        foreach (var (name, attribute) in value.Attributes)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, attribute, attribute.GetType(), options);
        }
    }
}
