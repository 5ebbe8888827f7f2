namespace Harness.Client.Atlas;

/// <summary>
/// Atlas answered with a body <c>status</c> other than 0. <see cref="Status"/> is the code; <c>msg</c> is for humans only.
/// The derived types below exist to be caught; <see cref="For"/> creates them, so they take only Atlas's answer.
/// </summary>
public class AtlasApiException : Exception
{
    public AtlasApiException()
    {
    }

    public AtlasApiException(string message)
        : base(message)
    {
    }

    public AtlasApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AtlasApiException(string operation, AtlasStatus status, string? atlasMessage)
        : base($"Atlas {operation} failed with status {(int)status} ({Describe(status)}){(string.IsNullOrEmpty(atlasMessage) ? "" : $": {atlasMessage}")}")
    {
        Operation = operation;
        Status = status;
        AtlasMessage = atlasMessage;
    }

    /// <summary>The Atlas endpoint that answered, e.g. "event/getPageList.do".</summary>
    public string Operation { get; } = "";

    /// <summary>The body status code; an undefined enum value when Atlas sends a code this client does not know.</summary>
    public AtlasStatus Status { get; }

    /// <summary>Atlas's <c>msg</c>, for humans and logs only.</summary>
    public string? AtlasMessage { get; }

    /// <summary>Atlas's advice: retry once for -1 and 9999 (and 2, a system error); fix the request otherwise.</summary>
    public bool IsRetryable => Status is AtlasStatus.CommonError or AtlasStatus.SystemError or AtlasStatus.UnexpectedSystemError;

    /// <summary>Maps a non-zero body status to the most specific exception type.</summary>
    public static AtlasApiException For(string operation, int status, string? atlasMessage)
    {
        var code = (AtlasStatus)status;
        return code switch
        {
            AtlasStatus.UnauthorizedAccess or AtlasStatus.AccessDenied => new AtlasAuthorizationException(operation, code, atlasMessage),
            AtlasStatus.MissingRequiredData or AtlasStatus.IllegalRequestData => new AtlasRequestRejectedException(operation, code, atlasMessage),
            AtlasStatus.CommonError or AtlasStatus.SystemError or AtlasStatus.UnexpectedSystemError => new AtlasSystemErrorException(operation, code, atlasMessage),
            _ => new AtlasApiException(operation, code, atlasMessage),
        };
    }

    private static string Describe(AtlasStatus status) => Enum.IsDefined(status) ? status.ToString() : "unknown status";
}

/// <summary>900 unauthorized access or 902 access denied: check credentials and scope; retrying will not help.</summary>
public sealed class AtlasAuthorizationException(string operation, AtlasStatus status, string? atlasMessage)
    : AtlasApiException(operation, status, atlasMessage);

/// <summary>100 missing required data or 901 illegal request data: the request must be fixed.</summary>
public sealed class AtlasRequestRejectedException(string operation, AtlasStatus status, string? atlasMessage)
    : AtlasApiException(operation, status, atlasMessage);

/// <summary>-1, 2 or 9999: Atlas-side failure; Atlas advises one retry.</summary>
public sealed class AtlasSystemErrorException(string operation, AtlasStatus status, string? atlasMessage)
    : AtlasApiException(operation, status, atlasMessage);

/// <summary>Atlas's request limit was hit (code 429); wait <see cref="RetryAfter"/> before the next call.</summary>
public sealed class AtlasRateLimitedException(string operation, TimeSpan? retryAfter, string? limitType, int? limit, string? atlasMessage)
    : AtlasApiException(operation, AtlasStatus.RateLimitExceeded, atlasMessage)
{
    /// <summary>From the body's <c>retryAfter</c> (seconds), else the Retry-After header; null when neither was sent.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Which limit was hit, e.g. "SEARCH_QPS".</summary>
    public string? LimitType { get; } = limitType;

    /// <summary>The limit's size in requests per window.</summary>
    public int? Limit { get; } = limit;
}

/// <summary>Atlas could not be reached, or answered with something that is not an Atlas envelope (non-JSON, HTTP 5xx).</summary>
public sealed class AtlasTransportException : Exception
{
    public AtlasTransportException()
    {
    }

    public AtlasTransportException(string message)
        : base(message)
    {
    }

    public AtlasTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
