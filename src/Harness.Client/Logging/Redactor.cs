namespace Harness.Client.Logging;

/// <summary>Keeps client secrets and bearer tokens out of logs, reports and pact files.</summary>
public static class Redactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "X-Api-Key",
    };

    /// <summary>True for headers whose value is a credential.</summary>
    public static bool IsSensitiveHeader(string name) => SensitiveHeaders.Contains(name);

    /// <summary>The header value as it may be logged: masked for credential headers, unchanged otherwise.</summary>
    public static string RedactHeader(string name, string? value) =>
        IsSensitiveHeader(name) ? Mask : value ?? string.Empty;

    /// <summary>Copies headers with credential values masked.</summary>
    public static IReadOnlyDictionary<string, string> RedactHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            result[name] = RedactHeader(name, value);
        }

        return result;
    }

    /// <summary>Replaces every occurrence of each non-empty secret in <paramref name="text"/> with the mask.</summary>
    public static string Redact(string text, params IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
