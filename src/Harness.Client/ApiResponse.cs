namespace Harness.Client;

/// <summary>What a successful call returned, beyond the body.</summary>
public class ApiResponse
{
    public ApiResponse(AirlineOperation operation, int statusCode, IReadOnlyDictionary<string, string> headers, bool notPerformed)
    {
        Operation = operation;
        StatusCode = statusCode;
        Headers = headers;
        NotPerformed = notPerformed;
    }

    public AirlineOperation Operation { get; }

    public string OperationId => Operation.OperationId;

    public int StatusCode { get; }

    /// <summary>Response headers, case-insensitive; repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// True for a 204 on one of the eight operations whose 204 means "successfully validated but not performed":
    /// no body, so no contract or session id to continue with.
    /// </summary>
    public bool NotPerformed { get; }

    /// <summary>The <c>HTS-Session-ID</c> response header, when the server sent one.</summary>
    public string? HtsSessionId => Header(AirlineApiClient.HtsSessionIdHeader);

    /// <summary>The spec's required <c>Expires</c> success header.</summary>
    public string? Expires => Header("Expires");

    /// <summary>The spec's required <c>Cache-Control</c> success header.</summary>
    public string? CacheControl => Header("Cache-Control");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A successful call with its typed body (null for a 204).</summary>
public sealed class ApiResponse<T> : ApiResponse
{
    public ApiResponse(AirlineOperation operation, int statusCode, IReadOnlyDictionary<string, string> headers, bool notPerformed, T? body)
        : base(operation, statusCode, headers, notPerformed) => Body = body;

    public T? Body { get; }

    /// <summary>The body, or an error naming the operation when the server answered without one.</summary>
    public T RequiredBody => Body ?? throw new InvalidOperationException(
        $"{OperationId} answered {StatusCode}{(NotPerformed ? " (validated but not performed)" : string.Empty)} without a body.");
}

/// <summary>A payout receipt: the spec answers <c>application/pdf</c> binary.</summary>
public sealed record PayoutReceipt(byte[] Content, string? ContentType, string? ContentDisposition);
