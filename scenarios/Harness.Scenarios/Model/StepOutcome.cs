using System.Globalization;

namespace Harness.Scenarios.Model;

/// <summary>
/// What a step's request answered: an HTTP status and, for a 400/422, the spec's error code (<c>errors[].code</c>).
/// As an expectation, a null <see cref="ErrorCode"/> accepts any code.
/// </summary>
public readonly record struct StepOutcome(int StatusCode, string? ErrorCode = null)
{
    /// <summary>A success (or any answer) with this status.</summary>
    public static StepOutcome Status(int statusCode) => new(statusCode);

    /// <summary>A rejection with this status and, when given, this error code.</summary>
    public static StepOutcome Error(int statusCode, string? errorCode = null) => new(statusCode, errorCode);

    /// <summary>True when <paramref name="actual"/> has this status and, if this names one, carries this error code.</summary>
    public bool Accepts(int actualStatus, IReadOnlyList<string> actualCodes)
    {
        ArgumentNullException.ThrowIfNull(actualCodes);
        if (actualStatus != StatusCode)
        {
            return false;
        }

        if (ErrorCode is null)
        {
            return true;
        }

        foreach (var code in actualCodes)
        {
            if (string.Equals(code, ErrorCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => ErrorCode is null
        ? StatusCode.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{StatusCode} {ErrorCode}");
}
