using System.Globalization;

namespace Harness.Client.Logging;

/// <summary>One finished call, safe to print: credential headers are already masked.</summary>
/// <param name="OperationId">The spec's operationId.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Resolved path relative to the base URL, e.g. <c>/cfar_contracts/abc/payment</c>.</param>
/// <param name="StatusCode">HTTP status, or 0 when no response arrived.</param>
/// <param name="Duration">Wall time of the HTTP exchange.</param>
/// <param name="RequestHeaders">Request headers with credential values replaced by <see cref="Redactor.Mask"/>.</param>
/// <param name="HtsSessionId">The <c>HTS-Session-ID</c> response header, if any.</param>
public sealed record ApiCallLog(
    string OperationId,
    string Method,
    string Path,
    int StatusCode,
    TimeSpan Duration,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? HtsSessionId)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Method} {Path} -> {StatusCode} ({Duration.TotalMilliseconds:F0} ms) [{OperationId}]");
}
