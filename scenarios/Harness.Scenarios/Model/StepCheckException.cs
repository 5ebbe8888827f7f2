namespace Harness.Scenarios.Model;

/// <summary>A step's request succeeded but its answer is not what the journey expects (status, amount, id…).</summary>
public sealed class StepCheckException : Exception
{
    public StepCheckException()
        : this("The step's answer is not what the journey expects.")
    {
    }

    public StepCheckException(string message)
        : base(message)
    {
        Expected = string.Empty;
        Actual = message;
    }

    public StepCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expected = string.Empty;
        Actual = message;
    }

    public StepCheckException(string what, string expected, string actual)
        : base($"{what}: expected {expected}, actual {actual}")
    {
        Expected = $"{what} {expected}";
        Actual = $"{what} {actual}";
    }

    public string Expected { get; }

    public string Actual { get; }

    /// <summary>
    /// Throws unless <paramref name="actual"/> equals <paramref name="expected"/> (ordinal for strings). Generic, so a
    /// passing check neither boxes nor formats: the message is built only when it throws.
    /// </summary>
    public static void ThrowIfDifferent<T>(string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new StepCheckException(what, Describe(expected), Describe(actual));
        }
    }

    /// <summary>
    /// Throws unless <paramref name="condition"/> holds. The descriptions are evaluated on every call, so pass
    /// constants here; a description that formats or joins belongs in an <c>if</c> that throws, or every load iteration
    /// pays for a message it never shows.
    /// </summary>
    public static void ThrowIfFalse(bool condition, string what, string expected, string actual)
    {
        if (!condition)
        {
            throw new StepCheckException(what, expected, actual);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "(none)",
        string text => $"\"{text}\"",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "(none)",
    };
}
