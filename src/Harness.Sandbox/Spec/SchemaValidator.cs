using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Sandbox.Spec;

/// <summary>One finding of the schema walk. Syntax issues (wrong JSON type) answer 400, the rest 422.</summary>
internal sealed record ValidationIssue(string Field, string Code, string Message, bool IsSyntax);

/// <summary>
/// A small JSON-schema walker over the spec's OpenAPI 3.0 schemas: type, required, properties, additionalProperties,
/// items, minItems, enum, pattern, format (date-time, uuid, int32), minimum/exclusiveMinimum, $ref, allOf and
/// oneOf with discriminator. The spec marks nothing nullable, so JSON null is a wrong type everywhere.
/// </summary>
internal sealed class SchemaValidator(SpecDocument spec)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public IReadOnlyList<ValidationIssue> Validate(JsonNode? value, JsonObject schema)
    {
        var issues = new List<ValidationIssue>();
        Walk(value, schema, string.Empty, issues);
        return issues;
    }

    private void Walk(JsonNode? value, JsonObject schema, string path, List<ValidationIssue> issues)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            Walk(value, spec.Resolve(reference.GetValue<string>()), path, issues);
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf)
            {
                Walk(value, (JsonObject)part!, path, issues);
            }
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            WalkOneOf(value, schema, oneOf, path, issues);
            return;
        }

        var type = (string?)schema["type"];
        if (type is not null && !HasType(value, type))
        {
            issues.Add(new(Name(path), "invalid_type", $"{Name(path)} must be of type {type}, not {Describe(value)}.", true));
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                WalkObject(obj, schema, path, issues);
                break;
            case JsonArray array:
                WalkArray(array, schema, path, issues);
                break;
            case JsonValue scalar:
                WalkScalar(scalar, schema, path, issues);
                break;
            default:
                break;
        }
    }

    private void WalkOneOf(JsonNode? value, JsonObject schema, JsonArray oneOf, string path, List<ValidationIssue> issues)
    {
        var propertyName = (string?)schema["discriminator"]?["propertyName"];
        if (propertyName is null)
        {
            throw new InvalidOperationException($"oneOf without discriminator at {Name(path)} is not supported.");
        }

        if (value is not JsonObject obj)
        {
            issues.Add(new(Name(path), "invalid_type", $"{Name(path)} must be of type object, not {Describe(value)}.", true));
            return;
        }

        var field = Join(path, propertyName);
        if (!obj.TryGetPropertyValue(propertyName, out var discriminator))
        {
            issues.Add(new(field, "required", $"{field} is required.", false));
            return;
        }

        if (discriminator is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            issues.Add(new(field, "invalid_type", $"{field} must be of type string, not {Describe(discriminator)}.", true));
            return;
        }

        var mapping = schema["discriminator"]?["mapping"] as JsonObject;
        var key = v.GetValue<string>();
        var target = (string?)mapping?[key];
        if (target is null)
        {
            var allowed = mapping is null ? string.Empty : string.Join(", ", mapping.Select(m => m.Key));
            issues.Add(new(field, "enum", $"{field} must be one of [{allowed}], not '{key}'.", false));
            return;
        }

        Walk(value, spec.Resolve(target), path, issues);
    }

    private void WalkObject(JsonObject obj, JsonObject schema, string path, List<ValidationIssue> issues)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string)r!))
            {
                if (!obj.ContainsKey(name))
                {
                    var field = Join(path, name);
                    issues.Add(new(field, "required", $"{field} is required.", false));
                }
            }
        }

        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Walk(child, propertySchema, Join(path, name), issues);
            }
            else if (additional is not null)
            {
                Walk(child, additional, Join(path, name), issues);
            }
        }
    }

    private void WalkArray(JsonArray array, JsonObject schema, string path, List<ValidationIssue> issues)
    {
        if (schema["minItems"] is JsonValue min && array.Count < min.GetValue<long>())
        {
            issues.Add(new(Name(path), "min_items", $"{Name(path)} must contain at least {min} item(s).", false));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], items, $"{path}[{i}]", issues);
            }
        }
    }

    private static void WalkScalar(JsonValue scalar, JsonObject schema, string path, List<ValidationIssue> issues)
    {
        var field = Name(path);
        if (schema["enum"] is JsonArray allowed)
        {
            var text = scalar.ToJsonString();
            if (!allowed.Any(a => a?.ToJsonString() == text))
            {
                issues.Add(new(field, "enum", $"{field} must be one of [{string.Join(", ", allowed.Select(a => (string?)a))}], not {text}.", false));
                return;
            }
        }

        if (scalar.GetValueKind() == JsonValueKind.String)
        {
            CheckString(scalar.GetValue<string>(), schema, field, issues);
        }
        else if (scalar.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(scalar.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            CheckNumber(number, schema, field, issues);
        }
    }

    private static void CheckString(string text, JsonObject schema, string field, List<ValidationIssue> issues)
    {
        // The spec's patterns are unanchored ("[A-Z]{3}"); they are applied as written.
        if ((string?)schema["pattern"] is { } pattern
            && !Patterns.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant)).IsMatch(text))
        {
            issues.Add(new(field, "pattern", $"{field} must match the pattern {pattern}, not '{text}'.", false));
        }

        switch ((string?)schema["format"])
        {
            case "date-time" when !IsRfc3339(text):
                issues.Add(new(field, "format", $"{field} must be an RFC 3339 UTC date-time such as 2022-01-08T14:36:56Z, not '{text}'.", false));
                break;
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                issues.Add(new(field, "format", $"{field} must be a UUID, not '{text}'.", false));
                break;
            default:
                break;
        }

        // Spec: amounts are strings that carry "minimum: 0"; JSON Schema ignores that, the sandbox enforces it.
        if (schema["minimum"] is JsonValue)
        {
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            {
                issues.Add(new(field, "decimal", $"{field} must be a decimal number written as a string such as \"40.80\", not '{text}'.", false));
                return;
            }

            CheckNumber(amount, schema, field, issues);
        }
    }

    private static void CheckNumber(decimal number, JsonObject schema, string field, List<ValidationIssue> issues)
    {
        if (schema["minimum"] is not JsonValue minimum)
        {
            return;
        }

        // Spec numbers were read from YAML as long or decimal; the text form converts either way.
        var min = decimal.Parse(minimum.ToJsonString(), CultureInfo.InvariantCulture);
        var exclusive = schema["exclusiveMinimum"] is JsonValue e && e.GetValue<bool>();
        if (exclusive ? number <= min : number < min)
        {
            issues.Add(new(field, "minimum", $"{field} must be {(exclusive ? "greater than" : "at least")} {min}, not {number.ToString(CultureInfo.InvariantCulture)}.", false));
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _),
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        _ => throw new InvalidOperationException($"Unsupported schema type '{type}'."),
    };

    internal static bool IsRfc3339(string text) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        },
        _ => "unknown",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Name(string path) => path.Length == 0 ? "body" : path;
}
