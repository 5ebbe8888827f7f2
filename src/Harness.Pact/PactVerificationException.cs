using System.Text;
using System.Text.Json;
using Harness.Pact.Exceptions;

namespace Harness.Pact;

/// <summary>
/// The consumer did not do what its pact says: requests missing, unexpected, or different from the expectation.
/// <see cref="Exception.Message"/> lists every mismatch readably; <see cref="Mismatches"/> holds them as data.
/// </summary>
public sealed class PactVerificationException : PactFailureException
{
    public PactVerificationException()
    {
        Mismatches = [];
    }

    public PactVerificationException(string message)
        : base(message)
    {
        Mismatches = [];
    }

    public PactVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Mismatches = [];
    }

    private PactVerificationException(string message, IReadOnlyList<PactMismatch> mismatches, string? logs, Exception? testFailure)
        : base(message, testFailure)
    {
        Mismatches = mismatches;
        Logs = logs;
    }

    /// <summary>Every mismatch the mock server recorded.</summary>
    public IReadOnlyList<PactMismatch> Mismatches { get; }

    /// <summary>The mock server's log when <see cref="PactConfig.LogLevel"/> asked for one.</summary>
    public string? Logs { get; }

    internal static PactVerificationException FromMockServer(string mismatchesJson, string? logs, Exception? testFailure)
    {
        var mismatches = PactMismatch.Parse(mismatchesJson);
        var message = new StringBuilder("Pact verification failed: the mock server did not see the expected requests.");
        foreach (var mismatch in mismatches)
        {
            message.AppendLine().Append(mismatch);
        }

        if (testFailure is not null)
        {
            message.AppendLine().Append("The test itself also failed: ").Append(testFailure.Message);
        }

        return new PactVerificationException(message.ToString(), mismatches, logs, testFailure);
    }
}

/// <summary>One request the mock server expected and did not get, got and did not expect, or got differently.</summary>
/// <param name="Kind">missing-request, request-not-found or request-mismatch.</param>
public sealed record PactMismatch(string Kind, string Method, string Path, IReadOnlyList<PactMismatchDetail> Details)
{
    public override string ToString()
    {
        var headline = Kind switch
        {
            "missing-request" => $"  - Missing request: {Method} {Path} was expected but never received",
            "request-not-found" => $"  - Unexpected request: {Method} {Path} was received but no interaction expects it",
            "request-mismatch" => $"  - Request differs: {Method} {Path}",
            _ => $"  - {Kind}: {Method} {Path}",
        };
        return Details.Count == 0 ? headline : headline + Environment.NewLine + string.Join(Environment.NewLine, Details);
    }

    internal static List<PactMismatch> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Array
            ? [new PactMismatch("unknown", "?", "?", [new PactMismatchDetail("raw", null, null, null, json)])]
            : [.. document.RootElement.EnumerateArray().Select(FromElement)];
    }

    private static PactMismatch FromElement(JsonElement element)
    {
        var details = element.TryGetProperty("mismatches", out var nested) && nested.ValueKind == JsonValueKind.Array
            ? nested.EnumerateArray().Select(PactMismatchDetail.FromElement).ToList()
            : [];
        return new PactMismatch(
            Text(element, "type") ?? "unknown",
            Text(element, "method") ?? RequestField(element, "method") ?? "?",
            Text(element, "path") ?? RequestField(element, "path") ?? "?",
            details);
    }

    private static string? RequestField(JsonElement element, string name) =>
        element.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object ? Text(request, name) : null;

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            }
            : null;
}

/// <summary>One difference inside a request: body, header, query, path or method.</summary>
/// <param name="Kind">The engine's mismatch type (BodyMismatch, HeaderMismatch, QueryMismatch, ...).</param>
/// <param name="Location">JSON path of a body field, header name or query parameter name.</param>
public sealed record PactMismatchDetail(string Kind, string? Location, string? Expected, string? Actual, string? Description)
{
    public override string ToString()
    {
        var where = Location is null ? Kind : $"{Kind} at {Location}";
        var values = Expected is null && Actual is null ? string.Empty : $" (expected {Expected ?? "nothing"}, actual {Actual ?? "nothing"})";
        return $"      {where}{values}{(Description is null ? string.Empty : ": " + Description)}";
    }

    internal static PactMismatchDetail FromElement(JsonElement element) =>
        new(
            PactMismatch.Text(element, "type") ?? "Mismatch",
            PactMismatch.Text(element, "path") ?? PactMismatch.Text(element, "key") ?? PactMismatch.Text(element, "parameter"),
            PactMismatch.Text(element, "expected"),
            PactMismatch.Text(element, "actual"),
            PactMismatch.Text(element, "mismatch"));
}
