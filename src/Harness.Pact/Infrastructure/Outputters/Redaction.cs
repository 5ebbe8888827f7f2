using System.Text.RegularExpressions;

namespace Harness.Pact.Infrastructure.Outputters;

/// <summary>
/// Masks credentials in log text before it reaches an outputter or an exception: at Debug level the mock server logs
/// every request with its headers and body (an Authorization header, a client secret in an auth body).
/// </summary>
internal static partial class Redaction
{
    internal const string Mask = "***";

    internal static string Redact(string text) =>
        SchemeCredentials().Replace(SecretValues().Replace(text, "$1" + Mask + "$2"), "$1 " + Mask);

    /// <summary>A secret-named key and its quoted value: <c>"authorization": ["..."]</c>, <c>"client_secret":"..."</c>.</summary>
    [GeneratedRegex("""((?:authorization|proxy-authorization|x-api-key|api[-_]?key|client[-_]?secret|access[-_]?token|refresh[-_]?token|password|secret|token)\\?"?\s*[:=]\s*\[?\s*\\?")(?:[^"\\]|\\[^"])*(\\?")""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValues();

    /// <summary>An HTTP authentication scheme and its credentials anywhere else: <c>Bearer eyJ...</c>.</summary>
    [GeneratedRegex(@"\b(Bearer|Basic|Token)\s+(?!\*\*\*)[A-Za-z0-9\-._~+/=]+", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeCredentials();
}
