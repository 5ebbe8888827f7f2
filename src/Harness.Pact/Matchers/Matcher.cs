using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Pact.Matchers;

/// <summary>
/// The matchers <see cref="Match"/> builds: an <see cref="IMatcher"/> that also carries the rule's further attributes
/// (regex, min, max, format). The concrete kinds (<see cref="TypeMatcher"/>, <see cref="RegexMatcher"/>, ...) carry
/// PactNet's names.
/// </summary>
[JsonConverter(typeof(MatcherConverter))]
public abstract class Matcher : IMatcher
{
    private protected Matcher(string type, object? value, IReadOnlyList<KeyValuePair<string, object>>? attributes = null, string valueName = "value")
    {
        Type = type;
        Value = value;
        Attributes = attributes ?? [];
        ValueName = valueName;
    }

    /// <inheritdoc />
    public string Type { get; }

    /// <inheritdoc />
    public object? Value { get; }

    /// <summary>Further attributes of the rule (regex, min, max, format), in the order the engine receives them.</summary>
    internal IReadOnlyList<KeyValuePair<string, object>> Attributes { get; }

    /// <summary>The integration JSON's name for the example: "value", or "variants" for array-contains.</summary>
    internal string ValueName { get; }

    /// <summary>The integration JSON of this matcher, the example serialised with <paramref name="options"/>.</summary>
    public string ToJson(JsonSerializerOptions options) => MatcherConverter.ToJson(this, options);
}

/// <summary>Any value of the same JSON type as the example (objects: same keys, matched recursively).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class TypeMatcher(object value) : Matcher("type", value);

/// <summary>An array whose elements are each like the example, with an optional minimum and maximum length.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class MinMaxTypeMatcher : Matcher
{
    public MinMaxTypeMatcher(object example, int? min = null, int? max = null)
        : base("type", Examples(example, min), Bounds(min, max))
    {
        Min = min;
        Max = max;
    }

    public int? Min { get; }

    public int? Max { get; }

    // The example array holds the minimum number of elements (one at least): the engine's generated example then
    // satisfies the rule, and the mock server answers an array the consumer can rely on.
    private static object[] Examples(object example, int? min) => Enumerable.Repeat(example, Math.Max(min ?? 1, 1)).ToArray();

    private static List<KeyValuePair<string, object>> Bounds(int? min, int? max)
    {
        if (min is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "The minimum length of an array cannot be negative.");
        }

        if (max is < 1 || (min is not null && max is not null && max < min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The maximum length must be at least 1 and at least the minimum ({min}).");
        }

        var bounds = new List<KeyValuePair<string, object>>();
        if (min is { } minimum)
        {
            bounds.Add(new("min", minimum));
        }

        if (max is { } maximum)
        {
            bounds.Add(new("max", maximum));
        }

        return bounds;
    }
}

/// <summary>A value matching a regular expression; the rule pins the example's JSON type too (regex AND type).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class RegexMatcher : Matcher
{
    public RegexMatcher(string example, string regex)
        : base("regex", example, [new("regex", regex)])
    {
        Regex = regex;
    }

    /// <summary>Harness: an integer whose text matches <paramref name="regex"/> (an integer enum such as <c>^(0|1)$</c>).</summary>
    public RegexMatcher(long example, string regex)
        : base("regex", example, [new("regex", regex)])
    {
        Regex = regex;
    }

    public string Regex { get; }
}

/// <summary>Any integer.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class IntegerMatcher : Matcher
{
    public IntegerMatcher(int value)
        : base("integer", value)
    {
    }

    public IntegerMatcher(long value)
        : base("integer", value)
    {
    }
}

/// <summary>Any number with a fractional part.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class DecimalMatcher : Matcher
{
    public DecimalMatcher(decimal value)
        : base("decimal", value)
    {
    }

    public DecimalMatcher(double value)
        : base("decimal", value)
    {
    }

    public DecimalMatcher(float value)
        : base("decimal", value)
    {
    }
}

/// <summary>Any number, integer or decimal.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class NumericMatcher : Matcher
{
    public NumericMatcher(int value)
        : base("number", value)
    {
    }

    public NumericMatcher(decimal value)
        : base("number", value)
    {
    }

    public NumericMatcher(double value)
        : base("number", value)
    {
    }

    public NumericMatcher(float value)
        : base("number", value)
    {
    }
}

/// <summary>Exactly the example (resets a looser matcher higher up the tree).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class EqualityMatcher(object value) : Matcher("equality", value);

/// <summary>JSON null.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class NullMatcher() : Matcher("null", null);

/// <summary>A string containing the example.</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class IncludeMatcher(string value) : Matcher("include", value);

/// <summary>A date-time in a format (a Java DateTimeFormatter pattern, as the engine reads it).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class DateTimeMatcher : Matcher
{
    /// <summary>PactNet's timestamp matcher: the example is <paramref name="example"/> written in <paramref name="format"/>.</summary>
    public DateTimeMatcher(DateTime example, string format)
        : base("timestamp", Formatted(example, format), [new("format", format)])
    {
        Format = format;
    }

    /// <summary>Harness: the engine's datetime matcher with a ready-written example.</summary>
    public DateTimeMatcher(string example, string format)
        : base("datetime", example, [new("format", format)])
    {
        Format = format;
    }

    public string Format { get; }

    internal static string Formatted(DateTime value, string format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        return value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A date in a format (default ISO 8601 <c>yyyy-MM-dd</c>).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class DateMatcher(DateTime example, string format) : Matcher("date", DateTimeMatcher.Formatted(example, format), [new("format", format)])
{
    public string Format { get; } = format;
}

/// <summary>A time of day in a format (default ISO 8601 <c>HH:mm:ss</c>).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class TimeMatcher(DateTime example, string format) : Matcher("time", DateTimeMatcher.Formatted(example, format), [new("format", format)])
{
    public string Format { get; } = format;
}

/// <summary>An array containing an element matching each variant (in any order, among other elements).</summary>
[JsonConverter(typeof(MatcherConverter))]
public sealed class ArrayContainsMatcher(object[] variants) : Matcher("array-contains", variants ?? throw new ArgumentNullException(nameof(variants)), valueName: "variants");

/// <summary>Writes any <see cref="IMatcher"/> as integration JSON; the example inside follows the caller's naming policy.</summary>
public sealed class MatcherConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(IMatcher).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Writer<>).MakeGenericType(typeToConvert))!;

    internal static string ToJson(IMatcher matcher, JsonSerializerOptions options) => JsonSerializer.Serialize(matcher, options);

    private static void Write(Utf8JsonWriter writer, IMatcher value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value is Matcher { Type: "regex" } regex)
        {
            // The engine applies a regex to a number's text too ("400.00" -> 400.0 would pass), so a regex matcher is a
            // combined rule: the regex AND the example's JSON type.
            writer.WritePropertyName("pact:matcher:type");
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("pact:matcher:type", regex.Type);
            WriteAttributes(writer, regex, options);
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("pact:matcher:type", "type");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("pact:matcher:type", value.Type);
        }

        // PactNet's order: the type, the example, then the rule's attributes.
        writer.WritePropertyName(value is Matcher { ValueName: var valueName } ? valueName : "value");
        object? example = value.Value;
        JsonSerializer.Serialize(writer, example, example?.GetType() ?? typeof(object), options);
        if (value is Matcher { Type: not "regex" } matcher)
        {
            WriteAttributes(writer, matcher, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter writer, Matcher matcher, JsonSerializerOptions options)
    {
        foreach (var (name, attribute) in matcher.Attributes)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, attribute, attribute.GetType(), options);
        }
    }

    private sealed class Writer<T> : JsonConverter<T>
        where T : IMatcher
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Matchers are written into pacts, never read back.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => MatcherConverter.Write(writer, value, options);
    }
}
