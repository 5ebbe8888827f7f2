using System.Text.RegularExpressions;

namespace Harness.Pact.Matchers;

/// <summary>
/// Pact matchers, usable anywhere inside bodies, headers, query parameters, paths and messages: PactNet's <c>Match</c>,
/// overload for overload, plus date-time helpers. Each returns a <see cref="Matcher"/> (an <see cref="IMatcher"/>).
/// </summary>
public static class Match
{
    /// <summary>
    /// RFC 3339 date-time as the Airline API sends it: <c>2024-05-01T10:15:00Z</c>, optional fractional seconds,
    /// <c>Z</c> or a <c>+hh:mm</c> offset.
    /// </summary>
    public const string Rfc3339Pattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";

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
            ? new RegexMatcher(example, regex)
            : throw new ArgumentException($"The example '{example}' does not match the regex '{regex}'.", nameof(example));
    }

    /// <summary>
    /// Harness: an integer whose text matches <paramref name="regex"/>, such as the integer enum <c>^(0|1)$</c>. Like the
    /// string form, the rule also pins the JSON type, so "1" (a string) fails.
    /// </summary>
    /// <exception cref="ArgumentException">The regex is invalid or the example does not match it.</exception>
    public static Matcher Regex(long example, string regex)
    {
        Regex(example.ToString(System.Globalization.CultureInfo.InvariantCulture), regex);
        return new RegexMatcher(example, regex);
    }

    /// <summary>Any value of the same JSON type as <paramref name="example"/> (objects: same keys, matched recursively).</summary>
    public static Matcher Type(object example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new TypeMatcher(example);
    }

    /// <summary>An array of at least <paramref name="min"/> elements, each like <paramref name="example"/>.</summary>
    public static Matcher MinType(object example, int min)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new MinMaxTypeMatcher(example, min: min);
    }

    /// <summary>An array of at most <paramref name="max"/> elements, each like <paramref name="example"/>.</summary>
    public static Matcher MaxType(object example, int max)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new MinMaxTypeMatcher(example, max: max);
    }

    /// <summary>An array of <paramref name="min"/> to <paramref name="max"/> elements, each like <paramref name="example"/>.</summary>
    public static Matcher MinMaxType(object example, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new MinMaxTypeMatcher(example, min, max);
    }

    /// <summary>Any integer.</summary>
    public static Matcher Integer(int example) => new IntegerMatcher(example);

    /// <summary>Any integer (Harness: a 64-bit example).</summary>
    public static Matcher Integer(long example) => new IntegerMatcher(example);

    /// <summary>Any number with a fractional part.</summary>
    public static Matcher Decimal(double example) => new DecimalMatcher(example);

    /// <inheritdoc cref="Decimal(double)"/>
    public static Matcher Decimal(float example) => new DecimalMatcher(example);

    /// <inheritdoc cref="Decimal(double)"/>
    public static Matcher Decimal(decimal example) => new DecimalMatcher(example);

    /// <summary>Any number, integer or decimal.</summary>
    public static Matcher Number(int example) => new NumericMatcher(example);

    /// <inheritdoc cref="Number(int)"/>
    public static Matcher Number(double example) => new NumericMatcher(example);

    /// <inheritdoc cref="Number(int)"/>
    public static Matcher Number(float example) => new NumericMatcher(example);

    /// <inheritdoc cref="Number(int)"/>
    public static Matcher Number(decimal example) => new NumericMatcher(example);

    /// <summary>Exactly <paramref name="example"/> (resets a looser matcher higher up the tree).</summary>
    public static Matcher Equality(object example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new EqualityMatcher(example);
    }

    /// <summary>JSON null.</summary>
    public static Matcher Null() => new NullMatcher();

    /// <summary>A string containing <paramref name="example"/>.</summary>
    public static Matcher Include(string example)
    {
        ArgumentException.ThrowIfNullOrEmpty(example);
        return new IncludeMatcher(example);
    }

    /// <summary>A timestamp written in <paramref name="format"/>, e.g. <c>yyyy-MM-dd'T'HH:mm:ss</c>.</summary>
    public static Matcher Timestamp(DateTime timestamp, string format) => new DateTimeMatcher(timestamp, format);

    /// <summary>An ISO 8601 date (<c>yyyy-MM-dd</c>).</summary>
    public static Matcher Date(DateTime date) => Date(date, "yyyy-MM-dd");

    /// <summary>A date written in <paramref name="format"/>.</summary>
    public static Matcher Date(DateTime date, string format) => new DateMatcher(date, format);

    /// <summary>An ISO 8601 time of day (<c>HH:mm:ss</c>).</summary>
    public static Matcher Time(DateTime time) => Time(time, "HH:mm:ss");

    /// <summary>A time of day written in <paramref name="format"/>.</summary>
    public static Matcher Time(DateTime time, string format) => new TimeMatcher(time, format);

    /// <summary>
    /// Harness: a date-time. With a <paramref name="format"/> (Java DateTimeFormatter pattern, e.g.
    /// <c>yyyy-MM-dd'T'HH:mm:ssXXX</c>) the engine's datetime matcher is used; without one, an RFC 3339 regex
    /// (<see cref="Rfc3339Pattern"/>), which accepts every precision and offset the spec allows.
    /// </summary>
    public static Matcher DateTime(string example, string? format = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(example);
        return format is null ? Rfc3339(example) : new DateTimeMatcher(example, format);
    }

    /// <summary>Harness: a date-time string in RFC 3339 form (<see cref="Rfc3339Pattern"/>).</summary>
    public static Matcher Rfc3339(string example) => Regex(example, Rfc3339Pattern);
}
