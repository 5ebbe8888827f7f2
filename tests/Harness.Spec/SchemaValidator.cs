using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Tests.Spec;

/// <summary>
/// A small JSON-schema walker over the spec: $ref, allOf, oneOf (+discriminator), required, type, enum, pattern,
/// minItems, minimum/exclusiveMinimum, date-time and uuid formats, and map values. Stricter than the spec in three
/// documented ways, because "valid by construction" data should satisfy the spec's intent:
/// patterns must match the whole value (the spec's are unanchored), <c>minimum</c> on amount strings is enforced by
/// parsing the decimal, and segment times described as "ISO Local Date Time" must be local (no offset).
/// </summary>
public sealed class SchemaValidator
{
    private readonly SpecDocument spec;
    private readonly ConcurrentDictionary<string, Regex> patterns = new();

    public SchemaValidator(SpecDocument spec) => this.spec = spec;

    public static SchemaValidator AirlineApi { get; } = new(SpecDocument.AirlineApi);

    /// <summary>Errors of <paramref name="instance"/> against the named component schema, each with its JSON path.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, string schemaName) =>
        Validate(instance, spec.Schema(schemaName));

    /// <summary>Errors of <paramref name="instance"/> against an inline schema (e.g. a request body schema).</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance, JsonObject schema) =>
        [.. Check(instance, schema).Select(e => e.ToString())];

    /// <summary>As <see cref="Validate(JsonNode?, JsonObject)"/>, each error with the schema keyword it breaks.</summary>
    public IReadOnlyList<SchemaError> Check(JsonNode? instance, JsonObject schema)
    {
        var errors = new List<SchemaError>();
        Walk(instance, schema, "$", errors);
        return errors;
    }

    private void Walk(JsonNode? node, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            Walk(node, spec.Resolve((string)reference!), path, errors);
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                Walk(node, part!.AsObject(), path, errors);
            }
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            WalkOneOf(node, schema, oneOf, path, errors);
            return;
        }

        if (node is null)
        {
            errors.Add(new SchemaError(path, "nullable", "is null, but the spec marks nothing nullable"));
            return;
        }

        switch ((string?)schema["type"])
        {
            case "object":
                WalkObject(node, schema, path, errors);
                break;
            case "array":
                WalkArray(node, schema, path, errors);
                break;
            case "string":
                WalkString(node, schema, path, errors);
                break;
            case "integer":
                WalkInteger(node, schema, path, errors);
                break;
            case "boolean":
                if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new SchemaError(path, "type", $"expected a boolean, got {node.GetValueKind()}"));
                }

                break;
            case null:
                break;
            default:
                errors.Add(new SchemaError(path, "type", $"schema type '{schema["type"]}' is not supported by this validator"));
                break;
        }
    }

    private void WalkOneOf(JsonNode? node, JsonObject schema, JsonArray oneOf, string path, List<SchemaError> errors)
    {
        if (schema["discriminator"] is JsonObject discriminator)
        {
            var property = (string)discriminator["propertyName"]!;
            var value = node is JsonObject o && o[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? (string?)v : null;
            var mapping = discriminator["mapping"]?.AsObject();
            if (value is null || mapping?[value] is not JsonValue target)
            {
                var known = mapping is null ? string.Empty : string.Join(", ", mapping.Select(kv => kv.Key));
                errors.Add(new SchemaError($"{path}.{property}", "discriminator", $"'{value}' is not a known discriminator value ({known})"));
                return;
            }

            Walk(node, spec.Resolve((string)target!), path, errors);
            return;
        }

        var matches = oneOf.Count(candidate => Validate(node, candidate!.AsObject()).Count == 0);
        if (matches != 1)
        {
            errors.Add(new SchemaError(path, "oneOf", $"matches {matches} of the oneOf alternatives, expected exactly 1"));
        }
    }

    private void WalkObject(JsonNode node, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(new SchemaError(path, "type", $"expected an object, got {node.GetValueKind()}"));
            return;
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string)r!))
            {
                if (!obj.ContainsKey(name))
                {
                    errors.Add(new SchemaError($"{path}.{name}", "required", "required property is missing"));
                }
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Walk(value, propertySchema, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject valueSchema)
            {
                Walk(value, valueSchema, $"{path}['{name}']", errors);
            }
        }
    }

    private void WalkArray(JsonNode node, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (node is not JsonArray array)
        {
            errors.Add(new SchemaError(path, "type", $"expected an array, got {node.GetValueKind()}"));
            return;
        }

        if (schema["minItems"] is JsonValue minItems && array.Count < Number(minItems))
        {
            errors.Add(new SchemaError(path, "minItems", $"has {array.Count} items, minItems is {Number(minItems)}"));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private void WalkString(JsonNode node, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new SchemaError(path, "type", $"expected a string, got {node.GetValueKind()}"));
            return;
        }

        var text = node.GetValue<string>();
        if (schema["enum"] is JsonArray values && !values.Any(v => (string?)v == text))
        {
            errors.Add(new SchemaError(path, "enum", $"'{text}' is not one of [{string.Join(", ", values)}]"));
        }

        if (schema["pattern"] is JsonValue pattern && !PatternFor((string)pattern!).IsMatch(text))
        {
            errors.Add(new SchemaError(path, "pattern", $"'{text}' does not match the pattern {pattern}"));
        }

        switch ((string?)schema["format"])
        {
            case "date-time" when !IsUtcDateTime(text):
                errors.Add(new SchemaError(path, "format", $"'{text}' is not an RFC3339 date-time with offset"));
                break;
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                errors.Add(new SchemaError(path, "format", $"'{text}' is not a uuid"));
                break;
        }

        if (((string?)schema["description"])?.Contains("ISO Local Date Time", StringComparison.Ordinal) == true
            && !DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(new SchemaError(path, "format", $"'{text}' is not an ISO local date-time (yyyy-MM-ddTHH:mm:ss, no offset)"));
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            {
                errors.Add(new SchemaError(path, "type", $"'{text}' is not a decimal amount"));
            }
            else
            {
                CheckMinimum(amount, Number(minimum), schema, path, errors);
            }
        }
    }

    private static void WalkInteger(JsonNode node, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (node.GetValueKind() != JsonValueKind.Number || !long.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new SchemaError(path, "type", $"expected an integer, got {node.ToJsonString()}"));
            return;
        }

        if (schema["minimum"] is JsonValue minimum)
        {
            CheckMinimum(value, Number(minimum), schema, path, errors);
        }
    }

    private static void CheckMinimum(decimal value, decimal minimum, JsonObject schema, string path, List<SchemaError> errors)
    {
        var exclusive = schema["exclusiveMinimum"] is JsonValue flag && (bool)flag;
        if (exclusive ? value <= minimum : value < minimum)
        {
            errors.Add(new SchemaError(path, "minimum", $"{value.ToString(CultureInfo.InvariantCulture)} must be {(exclusive ? ">" : ">=")} {minimum.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>The YAML reader yields long or decimal nodes; compare them all as decimals.</summary>
    private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsUtcDateTime(string text) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out _)
        && (text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-');

    private Regex PatternFor(string pattern) =>
        patterns.GetOrAdd(pattern, p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}

/// <summary>One way an instance breaks its schema: where (JSON path), which keyword (required, enum, pattern…), and how.</summary>
public sealed record SchemaError(string Path, string Rule, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
