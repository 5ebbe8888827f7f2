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
    // Spec schemas are compiled once (per JSON object of the spec) into plain fields: walking the raw JSON tree
    // costs a dozen property look-ups per value and was most of a request's time.
    private readonly ConcurrentDictionary<JsonObject, CompiledSchema> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <summary>Validates a parsed document (its element, so no node tree is built just to be checked).</summary>
    public IReadOnlyList<ValidationIssue> Validate(JsonElement value, JsonObject schema)
    {
        var issues = new List<ValidationIssue>();
        Walk(value, Compile(schema), new FieldPath(), issues);
        return issues;
    }

    private CompiledSchema Compile(JsonObject schema) => _compiled.GetOrAdd(schema, s => new CompiledSchema(s));

    private void Walk(JsonElement value, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        if (schema.Ref is { } reference)
        {
            Walk(value, schema.Resolved ??= Compile(spec.Resolve(reference)), path, issues);
            return;
        }

        foreach (var part in schema.AllOf)
        {
            Walk(value, Compile(part), path, issues);
        }

        if (schema.IsOneOf)
        {
            WalkOneOf(value, schema, path, issues);
            return;
        }

        if (schema.Type is { } type && !HasType(value, type))
        {
            issues.Add(new(Name(path), "invalid_type", $"{Name(path)} must be of type {type}, not {Describe(value)}.", true));
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WalkObject(value, schema, path, issues);
                break;
            case JsonValueKind.Array:
                WalkArray(value, schema, path, issues);
                break;
            default:
                WalkScalar(value, schema, path, issues);
                break;
        }
    }

    private void WalkOneOf(JsonElement value, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        var propertyName = schema.DiscriminatorProperty
            ?? throw new InvalidOperationException($"oneOf without discriminator at {Name(path)} is not supported.");
        if (value.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new(Name(path), "invalid_type", $"{Name(path)} must be of type object, not {Describe(value)}.", true));
            return;
        }

        if (!value.TryGetProperty(propertyName, out var discriminator))
        {
            issues.Add(new(path.With(propertyName), "required", $"{path.With(propertyName)} is required.", false));
            return;
        }

        if (discriminator.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(path.With(propertyName), "invalid_type", $"{path.With(propertyName)} must be of type string, not {Describe(discriminator)}.", true));
            return;
        }

        var key = discriminator.GetString()!;
        if (!schema.Mapping.TryGetValue(key, out var target))
        {
            issues.Add(new(path.With(propertyName), "enum", $"{path.With(propertyName)} must be one of [{string.Join(", ", schema.Mapping.Keys)}], not '{key}'.", false));
            return;
        }

        Walk(value, Compile(spec.Resolve(target)), path, issues);
    }

    private void WalkObject(JsonElement obj, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        foreach (var name in schema.Required)
        {
            if (!obj.TryGetProperty(name, out _))
            {
                var field = path.With(name);
                issues.Add(new(field, "required", $"{field} is required.", false));
            }
        }

        foreach (var member in obj.EnumerateObject())
        {
            var (name, child) = (member.Name, member.Value);
            var childSchema = schema.Properties is not null && schema.Properties.TryGetValue(name, out var property) ? property : schema.Additional;
            if (childSchema is not null)
            {
                path.Push(name);
                Walk(child, Compile(childSchema), path, issues);
                path.Pop();
            }
        }
    }

    private void WalkArray(JsonElement array, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        if (schema.MinItems is { } min && array.GetArrayLength() < min)
        {
            issues.Add(new(Name(path), "min_items", $"{Name(path)} must contain at least {min} item(s).", false));
        }

        if (schema.Items is { } items)
        {
            var compiled = Compile(items);
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                path.PushIndex(i++);
                Walk(item, compiled, path, issues);
                path.Pop();
            }
        }
    }

    private static void WalkScalar(JsonElement scalar, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        if (schema.Enum is { } allowed)
        {
            var text = scalar.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(scalar.GetString()) : scalar.GetRawText();
            if (!allowed.Contains(text))
            {
                issues.Add(new(Name(path), "enum", $"{Name(path)} must be one of [{schema.EnumText}], not {text}.", false));
                return;
            }
        }

        if (scalar.ValueKind == JsonValueKind.String)
        {
            CheckString(scalar.GetString()!, schema, path, issues);
        }
        else if (scalar.ValueKind == JsonValueKind.Number && schema.Minimum is not null && scalar.TryGetDecimal(out var number))
        {
            CheckNumber(number, schema, path, issues);
        }
    }

    private static void CheckString(string text, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        // The spec's patterns are unanchored ("[A-Z]{3}"); they are applied as written.
        if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            issues.Add(new(Name(path), "pattern", $"{Name(path)} must match the pattern {pattern}, not '{text}'.", false));
        }

        switch (schema.Format)
        {
            case "date-time" when !IsRfc3339(text):
                issues.Add(new(Name(path), "format", $"{Name(path)} must be an RFC 3339 UTC date-time such as 2022-01-08T14:36:56Z, not '{text}'.", false));
                break;
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                issues.Add(new(Name(path), "format", $"{Name(path)} must be a UUID, not '{text}'.", false));
                break;
            default:
                break;
        }

        // Spec: amounts are strings that carry "minimum: 0"; JSON Schema ignores that, the sandbox enforces it.
        if (schema.Minimum is not null)
        {
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            {
                issues.Add(new(Name(path), "decimal", $"{Name(path)} must be a decimal number written as a string such as \"40.80\", not '{text}'.", false));
                return;
            }

            CheckNumber(amount, schema, path, issues);
        }
    }

    private static void CheckNumber(decimal number, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        var min = schema.Minimum!.Value;
        if (schema.ExclusiveMinimum ? number <= min : number < min)
        {
            issues.Add(new(Name(path), "minimum", $"{Name(path)} must be {(schema.ExclusiveMinimum ? "greater than" : "at least")} {min}, not {number.ToString(CultureInfo.InvariantCulture)}.", false));
        }
    }

    /// <summary>One spec schema object, read once into fields.</summary>
    private sealed class CompiledSchema
    {
        public CompiledSchema(JsonObject schema)
        {
            Ref = (string?)schema["$ref"];
            AllOf = schema["allOf"] is JsonArray allOf ? allOf.Select(p => (JsonObject)p!).ToArray() : [];
            IsOneOf = schema["oneOf"] is JsonArray;
            DiscriminatorProperty = (string?)schema["discriminator"]?["propertyName"];
            Mapping = (schema["discriminator"]?["mapping"] as JsonObject)?.ToDictionary(m => m.Key, m => (string)m.Value!, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
            Type = (string?)schema["type"];
            Required = schema["required"] is JsonArray required ? required.Select(r => (string)r!).ToArray() : [];
            Properties = (schema["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => (JsonObject)p.Value!, StringComparer.Ordinal);
            Additional = schema["additionalProperties"] as JsonObject;
            Items = schema["items"] as JsonObject;
            MinItems = schema["minItems"] is JsonValue minItems ? long.Parse(minItems.ToJsonString(), CultureInfo.InvariantCulture) : null;
            if (schema["enum"] is JsonArray values)
            {
                // Compared as JSON text: strings in their serialized (quoted, escaped) form.
                Enum = values.Select(v => v is JsonValue text && text.GetValueKind() == JsonValueKind.String ? JsonSerializer.Serialize(text.GetValue<string>()) : v?.ToJsonString() ?? "null")
                    .ToHashSet(StringComparer.Ordinal);
                EnumText = string.Join(", ", values.Select(v => (string?)v));
            }

            Pattern = (string?)schema["pattern"] is { } pattern ? new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled) : null;
            Format = (string?)schema["format"];
            // Spec numbers were read from YAML as long or decimal; the text form converts either way.
            Minimum = schema["minimum"] is JsonValue minimum ? decimal.Parse(minimum.ToJsonString(), CultureInfo.InvariantCulture) : null;
            ExclusiveMinimum = schema["exclusiveMinimum"] is JsonValue exclusive && exclusive.GetValue<bool>();
        }

        public string? Ref { get; }

        public CompiledSchema? Resolved { get; set; }

        public JsonObject[] AllOf { get; }

        public bool IsOneOf { get; }

        public string? DiscriminatorProperty { get; }

        public Dictionary<string, string> Mapping { get; }

        public string? Type { get; }

        public string[] Required { get; }

        public Dictionary<string, JsonObject>? Properties { get; }

        public JsonObject? Additional { get; }

        public JsonObject? Items { get; }

        public long? MinItems { get; }

        public HashSet<string>? Enum { get; }

        public string EnumText { get; } = string.Empty;

        public Regex? Pattern { get; }

        public string? Format { get; }

        public decimal? Minimum { get; }

        public bool ExclusiveMinimum { get; }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => throw new InvalidOperationException($"Unsupported schema type '{type}'."),
    };

    internal static bool IsRfc3339(string text) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static string Name(FieldPath path) => path.ToString();

    /// <summary>
    /// Where the walk is, as a stack of segments; the dotted name ("itinerary[0].slices") is only built for an issue,
    /// so a valid body costs no string work.
    /// </summary>
    private sealed class FieldPath
    {
        private readonly List<(string? Name, int Index)> _segments = [];

        public void Push(string name) => _segments.Add((name, -1));

        public void PushIndex(int index) => _segments.Add((null, index));

        public void Pop() => _segments.RemoveAt(_segments.Count - 1);

        public string With(string name)
        {
            Push(name);
            var text = ToString();
            Pop();
            return text;
        }

        public override string ToString()
        {
            if (_segments.Count == 0)
            {
                return "body";
            }

            var text = new System.Text.StringBuilder();
            foreach (var (name, index) in _segments)
            {
                if (name is null)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else
                {
                    text.Append(text.Length == 0 ? string.Empty : ".").Append(name);
                }
            }

            return text.ToString();
        }
    }
}
