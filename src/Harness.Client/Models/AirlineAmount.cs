using System.Globalization;

namespace Harness.Client.Models;

/// <summary>
/// The spec sends every money amount, rate and percentage as a JSON string ("premium": "40.80").
/// These helpers give the decimal view used for arithmetic while the wire keeps the exact string.
/// </summary>
public static class AirlineAmount
{
    private const NumberStyles Style = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    /// <summary>Parses a spec amount string; <paramref name="field"/> names it in the error.</summary>
    public static decimal Parse(string value, string field) =>
        decimal.TryParse(value, Style, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"{field} is '{value}', which is not a decimal amount (expected e.g. \"40.80\").");

    public static decimal? ParseOptional(string? value, string field) => value is null ? null : Parse(value, field);

    /// <summary>Formats an amount the way the spec's examples do: invariant culture, fixed <paramref name="decimals"/>.</summary>
    public static string Format(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
