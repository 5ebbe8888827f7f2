using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Spec;

/// <summary>
/// One finding of the schema walk: the field at fault (<c>itinerary[0].slices</c>, <c>body</c> for the whole document),
/// a code (invalid_type, required, enum, pattern, format, min_items, decimal, minimum), a message naming the field,
/// and whether it is a syntax issue (a wrong JSON type: the sandbox answers those 400, the rest 422).
/// </summary>
public sealed record ValidationIssue(string Field, string Code, string Message, bool IsSyntax)
{
    /// <summary>The field as a JSON path: <c>$</c>, <c>$.itinerary[0].slices</c>.</summary>
    public string Path => Field == SchemaValidator.RootField ? "$" : "$." + Field;

    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>How much the validator reads into the spec beyond what it literally says.</summary>
public enum SchemaStrictness
{
    /// <summary>
    /// The spec as written, what the sandbox enforces on requests: patterns are applied unanchored as JSON Schema does
    /// (the spec's <c>[A-Z]{3}</c> matches "BOSX"), and a segment time is any string.
    /// </summary>
    AsWritten,

    /// <summary>
    /// <see cref="AsWritten"/> plus the spec's evident intent, for data the harness generates ("valid by construction"):
    /// patterns must match the whole value, and strings described as "ISO Local Date Time" must be
    /// <c>yyyy-MM-ddTHH:mm:ss</c> with no offset.
    /// </summary>
    Strict,
}

/// <summary>
/// The one JSON-schema walker over the spec's OpenAPI 3.0 schemas: type, required, properties, additionalProperties,
/// items, minItems, enum, pattern, format (date-time, uuid, int32), minimum/exclusiveMinimum, $ref, allOf and
/// oneOf with discriminator. The spec marks nothing nullable, so JSON null is a wrong type everywhere. Beyond JSON
/// Schema, and at both strictness levels, <c>minimum</c> on a string (the spec's amounts, "40.80") is enforced by
/// reading the string as a decimal. What <see cref="SchemaStrictness.Strict"/> adds is listed on that member.
/// </summary>
public sealed partial class SchemaValidator(SpecDocument spec, SchemaStrictness strictness = SchemaStrictness.AsWritten)
{
    private static readonly Lazy<SchemaValidator> AirlineAsWritten = new(() => new(SpecDocument.AirlineApi, SchemaStrictness.AsWritten));
    private static readonly Lazy<SchemaValidator> AirlineStrict = new(() => new(SpecDocument.AirlineApi, SchemaStrictness.Strict));

    // Spec schemas are compiled once (per JSON object of the spec) into plain fields: walking the raw JSON tree
    // costs a dozen property look-ups per value and was most of a request's time.
    /// <summary>The field name of the whole document in an issue.</summary>
    public const string RootField = "body";

    private readonly ConcurrentDictionary<JsonObject, CompiledSchema> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <summary>The embedded Airline API spec, as written (the sandbox's request validation).</summary>
    public static SchemaValidator AirlineApiAsWritten => AirlineAsWritten.Value;

    /// <summary>The embedded Airline API spec, <see cref="SchemaStrictness.Strict"/> (the tests' check of generated data).</summary>
    public static SchemaValidator AirlineApiStrict => AirlineStrict.Value;

    public SchemaStrictness Strictness => strictness;

    /// <summary>Validates a parsed document (its element, so no node tree is built just to be checked).</summary>
    public IReadOnlyList<ValidationIssue> Validate(JsonElement value, JsonObject schema)
    {
        // The walk's list and path are the thread's own, reused (the walk never validates another document): a valid
        // body, the common case under load, allocates nothing here. Issues are returned in a list of their own.
        var issues = s_issues ??= [];
        var path = s_path ??= new FieldPath();
        issues.Clear();
        path.Clear();
        Walk(value, Compile(schema), path, issues);
        return issues.Count == 0 ? [] : [.. issues];
    }

    [ThreadStatic]
    private static List<ValidationIssue>? s_issues;

    [ThreadStatic]
    private static FieldPath? s_path;

    /// <summary>Validates a node tree (null is JSON null) against an inline schema, e.g. a request body schema.</summary>
    public IReadOnlyList<ValidationIssue> Validate(JsonNode? instance, JsonObject schema) =>
        Validate(JsonSerializer.SerializeToElement(instance), schema);

    /// <summary>Validates a node tree against the named component schema.</summary>
    public IReadOnlyList<ValidationIssue> Validate(JsonNode? instance, string schemaName) =>
        Validate(instance, spec.Schema(schemaName));

    private CompiledSchema Compile(JsonObject schema) => _compiled.GetOrAdd(schema, s => new CompiledSchema(s, strictness));

    private void Walk(JsonElement value, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        if (schema.Ref is { } reference)
        {
            Walk(value, schema.Resolved ??= Compile(spec.Resolve(reference)), path, issues);
            return;
        }

        if (schema.AllOf.Length > 0)
        {
            foreach (var part in schema.CompiledAllOf ??= Array.ConvertAll(schema.AllOf, Compile))
            {
                Walk(value, part, path, issues);
            }
        }

        if (schema.IsOneOf)
        {
            WalkOneOf(value, schema, path, issues);
            return;
        }

        if (schema.Type is { } type && !HasType(value, schema))
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

        Walk(value, schema.MappingCompiled.GetOrAdd(key, _ => Compile(spec.Resolve(target))), path, issues);
    }

    private void WalkObject(JsonElement obj, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        // Required members are ticked off as the members go by (one bit per declared property) instead of each being
        // looked up in the object; schemas whose required names are not all among the first 64 declared ones look up.
        var firstIssue = issues.Count;
        var seen = 0UL;
        var next = 0;
        foreach (var member in obj.EnumerateObject())
        {
            // Declared properties are matched on the UTF-8 name (no string per member), trying first the one declared
            // after the last match (bodies usually list them in the spec's order); only additionalProperties members,
            // whose names are not known in advance, are read as strings.
            var index = schema.FindProperty(member, next);
            if (index >= 0)
            {
                var property = schema.Properties[index];
                seen |= index < 64 ? 1UL << index : 0;
                next = index + 1;
                path.Push(property.Name);
                Walk(member.Value, property.Compiled ??= Compile(property.Schema), path, issues);
                path.Pop();
            }
            else if (schema.Additional is { } additional)
            {
                path.Push(member.Name);
                Walk(member.Value, schema.CompiledAdditional ??= Compile(additional), path, issues);
                path.Pop();
            }
        }

        if (schema.RequiredMask is { } mask && (seen & mask) == mask)
        {
            return;
        }

        // Missing members come first in the issues, as the required list orders them.
        var missing = new List<ValidationIssue>();
        for (var r = 0; r < schema.Required.Length; r++)
        {
            if (!obj.TryGetProperty(schema.RequiredUtf8[r], out _))
            {
                var field = path.With(schema.Required[r]);
                missing.Add(new(field, "required", $"{field} is required.", false));
            }
        }

        issues.InsertRange(firstIssue, missing);
    }

    private void WalkArray(JsonElement array, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        if (schema.MinItems is { } min && array.GetArrayLength() < min)
        {
            issues.Add(new(Name(path), "min_items", $"{Name(path)} must contain at least {min} item(s).", false));
        }

        if (schema.Items is { } items)
        {
            var compiled = schema.CompiledItems ??= Compile(items);
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
        if (schema.Enum is { } allowed && !IsAllowed(scalar, schema, allowed))
        {
            var text = scalar.ValueKind == JsonValueKind.String ? JsonSerializer.Serialize(scalar.GetString()) : scalar.GetRawText();
            issues.Add(new(Name(path), "enum", $"{Name(path)} must be one of [{schema.EnumText}], not {text}.", false));
            return;
        }

        if (scalar.ValueKind == JsonValueKind.String && schema.ChecksStrings)
        {
            // Checked as characters on the stack: a string is only made for an issue's message.
            Span<char> buffer = stackalloc char[JsonChars.StackLimit];
            CheckString(JsonChars.Read(scalar, buffer), schema, path, issues);
        }
        else if (scalar.ValueKind == JsonValueKind.Number && schema.Minimum is not null && scalar.TryGetDecimal(out var number))
        {
            CheckNumber(number, schema, path, issues);
        }
    }

    /// <summary>Enum membership; strings are compared on their UTF-8 value, with no string or serialization per value.</summary>
    private static bool IsAllowed(JsonElement scalar, CompiledSchema schema, HashSet<string> allowed)
    {
        if (scalar.ValueKind != JsonValueKind.String)
        {
            return allowed.Contains(scalar.GetRawText());
        }

        foreach (var value in schema.StringEnumUtf8)
        {
            if (scalar.ValueEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckString(ReadOnlySpan<char> text, CompiledSchema schema, FieldPath path, List<ValidationIssue> issues)
    {
        // The spec's patterns are unanchored ("[A-Z]{3}"): as written they are searched for, Strict anchors them.
        if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            issues.Add(new(Name(path), "pattern", $"{Name(path)} must match the pattern {pattern}, not '{text.ToString()}'.", false));
        }

        switch (schema.Format)
        {
            case "date-time" when !IsRfc3339(text):
                issues.Add(new(Name(path), "format", $"{Name(path)} must be an RFC 3339 UTC date-time such as 2022-01-08T14:36:56Z, not '{text.ToString()}'.", false));
                break;
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                issues.Add(new(Name(path), "format", $"{Name(path)} must be a UUID, not '{text.ToString()}'.", false));
                break;
            default:
                break;
        }

        if (schema.LocalDateTime && !DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            issues.Add(new(Name(path), "format", $"{Name(path)} must be an ISO local date-time such as 2022-01-08T14:36:56 (yyyy-MM-ddTHH:mm:ss, no offset), not '{text.ToString()}'.", false));
        }

        // Spec: amounts are strings that carry "minimum: 0"; JSON Schema ignores that, the sandbox enforces it.
        if (schema.Minimum is not null)
        {
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            {
                issues.Add(new(Name(path), "decimal", $"{Name(path)} must be a decimal number written as a string such as \"40.80\", not '{text.ToString()}'.", false));
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
        public CompiledSchema(JsonObject schema, SchemaStrictness strictness)
        {
            Ref = (string?)schema["$ref"];
            AllOf = schema["allOf"] is JsonArray allOf ? allOf.Select(p => (JsonObject)p!).ToArray() : [];
            IsOneOf = schema["oneOf"] is JsonArray;
            DiscriminatorProperty = (string?)schema["discriminator"]?["propertyName"];
            Mapping = (schema["discriminator"]?["mapping"] as JsonObject)?.ToDictionary(m => m.Key, m => (string)m.Value!, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal);
            Type = (string?)schema["type"];
            Kind = Type switch
            {
                "object" => JsonType.Object,
                "array" => JsonType.Array,
                "string" => JsonType.String,
                "boolean" => JsonType.Boolean,
                "integer" => JsonType.Integer,
                "number" => JsonType.Number,
                _ => JsonType.Unsupported,
            };
            Required = schema["required"] is JsonArray required ? required.Select(r => (string)r!).ToArray() : [];
            RequiredUtf8 = Array.ConvertAll(Required, System.Text.Encoding.UTF8.GetBytes);
            Properties = (schema["properties"] as JsonObject)?.Select(p => new PropertySchema(p.Key, (JsonObject)p.Value!)).ToArray() ?? [];
            ulong? mask = 0UL;
            foreach (var name in Required)
            {
                var index = Array.FindIndex(Properties, p => p.Name == name);
                if (index is < 0 or >= 64)
                {
                    mask = null;
                    break;
                }

                mask |= 1UL << index;
            }

            RequiredMask = mask;
            Additional = schema["additionalProperties"] as JsonObject;
            Items = schema["items"] as JsonObject;
            MinItems = schema["minItems"] is JsonValue minItems ? long.Parse(minItems.ToJsonString(), CultureInfo.InvariantCulture) : null;
            if (schema["enum"] is JsonArray values)
            {
                // Compared as JSON text: strings in their serialized (quoted, escaped) form.
                Enum = values.Select(v => v is JsonValue text && text.GetValueKind() == JsonValueKind.String ? JsonSerializer.Serialize(text.GetValue<string>()) : v?.ToJsonString() ?? "null")
                    .ToHashSet(StringComparer.Ordinal);
                EnumText = string.Join(", ", values.Select(v => (string?)v));
                StringEnumUtf8 = values.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
                    .Select(v => System.Text.Encoding.UTF8.GetBytes(v.GetValue<string>())).ToArray();
            }

            Pattern = (string?)schema["pattern"] is { } pattern
                ? new Regex(strictness == SchemaStrictness.Strict ? $"^(?:{pattern})$" : pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)
                : null;
            Format = (string?)schema["format"];
            LocalDateTime = strictness == SchemaStrictness.Strict && Kind == JsonType.String
                && ((string?)schema["description"])?.Contains("ISO Local Date Time", StringComparison.Ordinal) == true;
            // Spec numbers were read from YAML as long or decimal; the text form converts either way.
            Minimum = schema["minimum"] is JsonValue minimum ? decimal.Parse(minimum.ToJsonString(), CultureInfo.InvariantCulture) : null;
            ExclusiveMinimum = schema["exclusiveMinimum"] is JsonValue exclusive && exclusive.GetValue<bool>();
            ChecksStrings = Pattern is not null || Format is not null || Minimum is not null || LocalDateTime;
        }

        // Children are compiled on first use (schemas refer to each other, even cyclically) and kept here, so the walk
        // follows plain fields instead of looking each schema up per value. Races only store the same cached instance.
        public CompiledSchema[]? CompiledAllOf { get; set; }

        public CompiledSchema? CompiledAdditional { get; set; }

        public CompiledSchema? CompiledItems { get; set; }

        public ConcurrentDictionary<string, CompiledSchema> MappingCompiled { get; } = new(StringComparer.Ordinal);

        public JsonType Kind { get; }

        public byte[][] RequiredUtf8 { get; }

        public byte[][] StringEnumUtf8 { get; } = [];

        /// <summary>Strict only: the description says "ISO Local Date Time", so the value must be local.</summary>
        public bool LocalDateTime { get; }

        /// <summary>Whether a string value needs reading at all (pattern, format, minimum or local date-time).</summary>
        public bool ChecksStrings { get; }

        /// <summary>The index of the declared property named as <paramref name="member"/> is, or -1; tries <paramref name="first"/> first.</summary>
        public int FindProperty(JsonProperty member, int first)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(member);
            if (raw.Contains((byte)'\\'))
            {
                // An escaped name: NameEquals unescapes it.
                for (var i = 0; i < Properties.Length; i++)
                {
                    if (member.NameEquals(Properties[i].Utf8Name))
                    {
                        return i;
                    }
                }

                return -1;
            }

            for (var n = 0; n < Properties.Length; n++)
            {
                var i = first + n < Properties.Length ? first + n : first + n - Properties.Length;
                if (raw.SequenceEqual(Properties[i].Utf8Name))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>One bit per required name at its declared property's index, or null when one is not among the first 64.</summary>
        public ulong? RequiredMask { get; }

        public string? Ref { get; }

        public CompiledSchema? Resolved { get; set; }

        public JsonObject[] AllOf { get; }

        public bool IsOneOf { get; }

        public string? DiscriminatorProperty { get; }

        public Dictionary<string, string> Mapping { get; }

        public string? Type { get; }

        public string[] Required { get; }

        public PropertySchema[] Properties { get; }

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

    /// <summary>A declared property: its name as text (for field paths) and as UTF-8 (for matching).</summary>
    private sealed class PropertySchema(string name, JsonObject schema)
    {
        public string Name { get; } = name;

        public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(name);

        public JsonObject Schema { get; } = schema;

        public CompiledSchema? Compiled { get; set; }
    }

    private enum JsonType
    {
        Unsupported,
        Object,
        Array,
        String,
        Boolean,
        Integer,
        Number,
    }

    private static bool HasType(JsonElement value, CompiledSchema schema) => schema.Kind switch
    {
        JsonType.Object => value.ValueKind == JsonValueKind.Object,
        JsonType.Array => value.ValueKind == JsonValueKind.Array,
        JsonType.String => value.ValueKind == JsonValueKind.String,
        JsonType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        // Every integer of the spec is format int32; one without a format would be read as int64.
        JsonType.Integer => value.ValueKind == JsonValueKind.Number && (schema.Format == "int32" ? value.TryGetInt32(out _) : value.TryGetInt64(out _)),
        JsonType.Number => value.ValueKind == JsonValueKind.Number,
        _ => throw new InvalidOperationException($"Unsupported schema type '{schema.Type}'."),
    };

    /// <summary>An RFC 3339 date-time (section 5.6): full date, 'T', full time with optional fraction, 'Z' or an offset.</summary>
    public static bool IsRfc3339(string text) => IsRfc3339(text.AsSpan());

    /// <inheritdoc cref="IsRfc3339(string)"/>
    public static bool IsRfc3339(ReadOnlySpan<char> text) =>
        Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

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

        public void Clear() => _segments.Clear();

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
                return RootField;
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
