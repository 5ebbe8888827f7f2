using System.Text.Json.Nodes;

namespace Harness.Spec.Testing;

/// <summary>
/// Builds JSON instances of a spec schema: the minimal one (required properties only) or the full one (every property,
/// with the recursive <c>previous_slice</c> cut off by depth). Union schemas take the member named by
/// <paramref name="memberChoice"/> (default: the first mapping).
/// </summary>
public sealed class SchemaSampler
{
    private const int MaxOptionalDepth = 8;

    private static readonly Dictionary<string, string> PatternSamples = new()
    {
        ["[A-Z]{3}"] = "BOS",
        ["[A-Z0-9]{2}"] = "B6",
        ["([A-Z][0-9]{2,5}|[0-9]{1,4}|[0-9][A-Z][0-9]{1,4}|[A-Z]{2}[0-9]{1,4})"] = "JB776",
    };

    private readonly SpecDocument _spec;
    private readonly bool _full;
    private readonly Func<string, string>? _memberChoice;

    public SchemaSampler(SpecDocument spec, bool full, Func<string, string>? memberChoice = null)
    {
        this._spec = spec;
        this._full = full;
        this._memberChoice = memberChoice;
    }

    public static SchemaSampler Minimal { get; } = new(SpecDocument.AirlineApi, full: false);

    public static SchemaSampler Full { get; } = new(SpecDocument.AirlineApi, full: true);

    public JsonNode Sample(string schemaName) => Sample(_spec.Schema(schemaName), schemaName, 0);

    public JsonNode Sample(JsonObject schema) => Sample(schema, null, 0);

    private JsonNode Sample(JsonObject schema, string? name, int depth)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var target = (string)reference!;
            return Sample(_spec.Resolve(target), target[(target.LastIndexOf('/') + 1)..], depth);
        }

        if (schema["oneOf"] is JsonArray)
        {
            var mapping = schema["discriminator"]!["mapping"]!.AsObject();
            var key = _memberChoice?.Invoke(name ?? string.Empty) ?? mapping.First().Key;
            var member = (JsonObject)Sample(_spec.Resolve((string)mapping[key]!), key, depth);
            member["type"] = key;
            return member;
        }

        return (string?)schema["type"] switch
        {
            "object" when schema["additionalProperties"] is JsonObject values => new JsonObject
            {
                ["en"] = Sample(values, null, depth + 1),
            },
            "object" => SampleObject(schema, depth),
            "array" => new JsonArray(Sample(schema["items"]!.AsObject(), null, depth + 1)),
            "integer" => JsonValue.Create(schema["minimum"] is JsonValue min ? (long)min + 1 : 2),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(SampleString(schema)),
            _ => throw new NotSupportedException($"No sample for schema {schema.ToJsonString()}"),
        };
    }

    private JsonObject SampleObject(JsonObject schema, int depth)
    {
        var required = (schema["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet() ?? [];
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            // previous_slice is the spec's one recursive property; follow it only a little way.
            var include = required.Contains(name) || (_full && depth < (name == "previous_slice" ? 3 : MaxOptionalDepth));
            if (include)
            {
                result[name] = Sample(property!.AsObject(), null, depth + 1);
            }
        }

        return result;
    }

    private static string SampleString(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            return (string)values[0]!;
        }

        if (schema["pattern"] is JsonValue pattern)
        {
            var key = (string)pattern!;
            return PatternSamples.TryGetValue(key, out var sample)
                ? sample
                : throw new NotSupportedException($"No sample for pattern {key}; add one to SchemaSampler.");
        }

        if ((string?)schema["format"] == "date-time")
        {
            return "2030-01-02T03:04:05Z";
        }

        if ((string?)schema["format"] == "uuid")
        {
            return "046b6c7f-0b8a-43b9-b35d-6489e6daee91";
        }

        if (((string?)schema["description"])?.Contains("ISO Local Date Time", StringComparison.Ordinal) == true)
        {
            return "2030-01-02T03:04:05";
        }

        return schema["minimum"] is not null ? "12.50" : "sample";
    }
}
