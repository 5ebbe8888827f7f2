using System.Text.RegularExpressions;

namespace Harness.Pact.Matchers;

/// <summary>Pact matchers, usable anywhere inside bodies, headers, query parameters, paths and messages.</summary>
public static class Match
{
    /// <summary>
    /// RFC 3339 date-time as the Airline API sends it: <c>2024-05-01T10:15:00Z</c>, optional fractional seconds,
    /// <c>Z</c> or a <c>+hh:mm</c> offset.
    /// </summary>
    public const string Rfc3339Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";

    /// <summary>Any value of the same JSON type as <paramref name="example"/> (objects: same keys, matched recursively).</summary>
    public static Matcher Type(object example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new Matcher("type", example);
    }

    /// <summary>An array of at least <paramref name="min"/> elements, each like <paramref name="example"/>.</summary>
    public static Matcher MinType(object example, int min)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        var examples = Enumerable.Repeat(example, Math.Max(min, 1)).ToArray();
        return new Matcher("type", examples, [new("min", min)]);
    }

    /// <summary>
    /// A string matching <paramref name="regex"/>; <paramref name="example"/> must match it too. The rule pins the type as
    /// well (regex AND type): the engine would otherwise match the regex against a number's text.
    /// </summary>
    /// <exception cref="ArgumentException">The regex is invalid or the example does not match it.</exception>
    public static Matcher Regex(string example, string regex)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentException.ThrowIfNullOrEmpty(regex);
        bool matches;
        try
        {
            matches = System.Text.RegularExpressions.Regex.IsMatch(example, regex, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"'{regex}' is not a valid regular expression: {exception.Message}", nameof(regex), exception);
        }

        return matches
            ? new Matcher("regex", example, [new("regex", regex)])
            : throw new ArgumentException($"The example '{example}' does not match the regex '{regex}'.", nameof(example));
    }

    /// <summary>
    /// An integer whose text matches <paramref name="regex"/>: an integer enum such as <c>^(0|1)$</c>. Like the string
    /// form, the rule also pins the JSON type, so "1" (a string) fails.
    /// </summary>
    /// <exception cref="ArgumentException">The regex is invalid or the example does not match it.</exception>
    public static Matcher Regex(long example, string regex)
    {
        var text = example.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Matcher("regex", example, Regex(text, regex).Attributes);
    }

    /// <summary>Any integer.</summary>
    public static Matcher Integer(long example) => new("integer", example);

    /// <summary>Any number with a fractional part.</summary>
    public static Matcher Decimal(decimal example) => new("decimal", example);

    /// <summary>Any number, integer or decimal.</summary>
    public static Matcher Number(double example) => new("number", example);

    /// <summary>Exactly <paramref name="example"/> (resets a looser matcher higher up the tree).</summary>
    public static Matcher Equality(object example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new Matcher("equality", example);
    }

    /// <summary>JSON null.</summary>
    public static Matcher Null() => new("null", null);

    /// <summary>A string containing <paramref name="substring"/>.</summary>
    public static Matcher Include(string substring)
    {
        ArgumentException.ThrowIfNullOrEmpty(substring);
        return new Matcher("include", substring);
    }

    /// <summary>
    /// A date-time. With a <paramref name="format"/> (Java DateTimeFormatter pattern, e.g.
    /// <c>yyyy-MM-dd'T'HH:mm:ssXXX</c>) the engine's datetime matcher is used; without one, an RFC 3339 regex
    /// (<see cref="Rfc3339Pattern"/>), which accepts every precision and offset the spec allows.
    /// </summary>
    public static Matcher DateTime(string example, string? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(example);
        return format is null ? Rfc3339(example) : new Matcher("datetime", example, [new("format", format)]);
    }

    /// <summary>A date-time string in RFC 3339 form (<see cref="Rfc3339Pattern"/>).</summary>
    public static Matcher Rfc3339(string example) => Regex(example, Rfc3339Pattern);
}
