using System.Globalization;
using System.Text.Json.Nodes;

namespace Harness.Spec.Testing;

/// <summary>
/// Translates the spec's OpenAPI 3.0 schemas into one JSON Schema 2020-12 document, for JsonSchema.Net to validate with
/// (the independent second validator of <see cref="CrossValidator"/>). OpenAPI 3.0's schema dialect is an extended
/// subset of JSON Schema draft 4; what differs is rewritten, one rule each, and nothing else is touched:
/// <list type="bullet">
/// <item><c>#/components/schemas/X</c> references point into <c>$defs</c>; a <c>$ref</c> keeps no siblings (OpenAPI 3.0
/// ignores them).</item>
/// <item><c>nullable: true</c> adds <c>"null"</c> to <c>type</c> (the spec has none today; the rule is here for when it does).</item>
/// <item>draft 4's boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the numeric keywords of 2020-12.</item>
/// <item><c>oneOf</c> with a <c>discriminator</c> selects its member by the discriminator property, as OpenAPI
/// specifies: the property is required, a string, one of the mapping's keys, and <c>if</c>/<c>then</c> per key applies
/// that member (a plain <c>oneOf</c> would demand that exactly one member matches, which is not what OpenAPI means).</item>
/// <item><c>format: int32</c> becomes the int32 range (JSON Schema knows no such format); <c>format: binary</c> (a file,
/// not JSON) is dropped; <c>date-time</c> and <c>uuid</c> are JSON Schema formats, asserted by the evaluation options.</item>
/// <item><c>minimum</c> on a <b>string</b> (the spec's amounts, <c>"40.80"</c>) is meaningless to JSON Schema; the spec's
/// intent, a decimal written as a string at or above 0 (above 0 when exclusive), becomes a pattern. Only minimum 0 occurs.</item>
/// <item>OpenAPI-only annotations (<c>example</c>, <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>) are dropped.</item>
/// </list>
/// <see cref="SchemaStrictness.Strict"/> adds, as JSON Schema: patterns anchored (<c>^(?:p)$</c>), and strings described
/// as "ISO Local Date Time" held to <c>yyyy-MM-ddTHH:mm:ss</c> by a pattern.
/// </summary>
public sealed class OpenApiToJsonSchema(SpecDocument spec, SchemaStrictness strictness)
{
    private const string ComponentPrefix = "#/components/schemas/";
    private const string DefsPrefix = "#/$defs/";

    // Decimal strings at or above 0 (above 0): what SchemaValidator reads with decimal.TryParse, short of "-0".
    private const string NonNegativeDecimal = @"^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)$";
    private const string PositiveDecimal = @"^\+?(?=[0-9.]*[1-9])([0-9]+(\.[0-9]*)?|\.[0-9]+)$";
    private const string LocalDateTime = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$";

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "example", "discriminator", "xml", "externalDocs", "nullable" };

    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Every component schema, translated, under <c>$defs</c> of one document (built once, referred to by URI).</summary>
    public JsonObject Definitions() => new()
    {
        ["$schema"] = Draft,
        ["$defs"] = new JsonObject(spec.Schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Translate((JsonObject)s.Value!, strictness)))),
    };

    /// <summary>
    /// A JSON Schema document for <paramref name="schema"/> (a component schema or an inline one, e.g. a request body
    /// schema) whose references point into the <see cref="Definitions"/> document published at <paramref name="definitionsUri"/>.
    /// </summary>
    public JsonObject Document(JsonObject schema, string definitionsUri)
    {
        var document = Translate(schema, strictness, definitionsUri);
        document.Insert(0, "$schema", Draft);
        return document;
    }

    /// <summary>The JSON Schema form of one OpenAPI schema object (references pointing into <c>$defs</c>, of <paramref name="refBase"/> if given).</summary>
    public static JsonObject Translate(JsonObject schema, SchemaStrictness strictness, string refBase = "")
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            return new JsonObject { ["$ref"] = refBase + Ref(reference) };
        }

        var result = new JsonObject();
        var extra = new JsonArray();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case var dropped when Dropped.Contains(dropped):
                    break;
                case "properties":
                    result[key] = new JsonObject(((JsonObject)value!).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Translate((JsonObject)p.Value!, strictness, refBase))));
                    break;
                case "items" or "additionalProperties" or "not" when value is JsonObject sub:
                    result[key] = Translate(sub, strictness, refBase);
                    break;
                case "allOf" or "anyOf":
                    result[key] = new JsonArray(((JsonArray)value!).Select(p => (JsonNode?)Translate((JsonObject)p!, strictness, refBase)).ToArray());
                    break;
                case "oneOf":
                    if (schema["discriminator"] is JsonObject discriminator)
                    {
                        extra.Add(Discriminated(discriminator, (JsonArray)value!, refBase));
                    }
                    else
                    {
                        result[key] = new JsonArray(((JsonArray)value!).Select(p => (JsonNode?)Translate((JsonObject)p!, strictness, refBase)).ToArray());
                    }

                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    break;
                case "format":
                    TranslateFormat((string)value!, schema, result);
                    break;
                case "pattern":
                    var pattern = (string)value!;
                    result[key] = strictness == SchemaStrictness.Strict ? $"^(?:{pattern})$" : pattern;
                    break;
                case "minimum" when (string?)schema["type"] == "string":
                    extra.Add(new JsonObject { ["pattern"] = AmountPattern(value!, schema) });
                    break;
                case "minimum" or "maximum":
                    var bound = key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
                    result[schema[bound] is JsonValue flag && (bool)flag ? bound : key] = value?.DeepClone();
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        if (schema["nullable"] is JsonValue nullable && (bool)nullable && result["type"] is JsonValue type)
        {
            result["type"] = new JsonArray((string)type!, "null");
        }

        if (strictness == SchemaStrictness.Strict && (string?)schema["type"] == "string"
            && ((string?)schema["description"])?.Contains("ISO Local Date Time", StringComparison.Ordinal) == true)
        {
            extra.Add(new JsonObject { ["pattern"] = LocalDateTime });
        }

        if (extra.Count > 0)
        {
            var allOf = result["allOf"] as JsonArray ?? [];
            foreach (var part in extra.ToArray())
            {
                extra.Remove(part);
                allOf.Add(part);
            }

            result["allOf"] = allOf;
        }

        return result;
    }

    private static string Ref(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? DefsPrefix + reference[ComponentPrefix.Length..]
            : throw new NotSupportedException($"Only component schema references are translated, not '{reference}'.");

    private static JsonObject Discriminated(JsonObject discriminator, JsonArray members, string refBase)
    {
        var property = (string)discriminator["propertyName"]!;
        var mapping = discriminator["mapping"] as JsonObject
            ?? throw new NotSupportedException($"A discriminator without a mapping ({property}) is not translated.");
        if (members.Count != mapping.Count)
        {
            throw new NotSupportedException($"The discriminator on '{property}' maps {mapping.Count} keys for {members.Count} oneOf members.");
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray(property),
            ["properties"] = new JsonObject
            {
                [property] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(mapping.Select(m => (JsonNode?)m.Key).ToArray()) },
            },
            ["allOf"] = new JsonArray(mapping.Select(m => (JsonNode?)new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = m.Key } } },
                ["then"] = new JsonObject { ["$ref"] = refBase + Ref((string)m.Value!) },
            }).ToArray()),
        };
    }

    private static void TranslateFormat(string format, JsonObject schema, JsonObject result)
    {
        switch (format)
        {
            case "int32":
                if (schema["minimum"] is null)
                {
                    result["minimum"] = int.MinValue;
                }

                result["maximum"] = int.MaxValue;
                break;
            case "binary":
                break;
            default:
                result["format"] = format;
                break;
        }
    }

    private static string AmountPattern(JsonNode minimum, JsonObject schema)
    {
        if (decimal.Parse(minimum.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) != 0)
        {
            throw new NotSupportedException($"Only minimum 0 on a string amount is translated, not {minimum.ToJsonString()}.");
        }

        return schema["exclusiveMinimum"] is JsonValue flag && (bool)flag ? PositiveDecimal : NonNegativeDecimal;
    }
}
