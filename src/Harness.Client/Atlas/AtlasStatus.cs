namespace Harness.Client.Atlas;

/// <summary>
/// The body <c>status</c> Atlas answers with (HTTP is 200 either way). Only <see cref="Success"/> is success;
/// spec: "only determine it by checking whether the status is equal to 0", never by <c>msg</c>.
/// </summary>
public enum AtlasStatus
{
    /// <summary>-1: common error; retry once.</summary>
    CommonError = -1,

    /// <summary>0: success.</summary>
    Success = 0,

    /// <summary>2: "System error", the only failure the register and confirm endpoints document.</summary>
    SystemError = 2,

    /// <summary>100: missing required request data.</summary>
    MissingRequiredData = 100,

    /// <summary>429: request limit exceeded (a different body shape: code, message, limitType, limit, retryAfter).</summary>
    RateLimitExceeded = 429,

    /// <summary>900: unauthorized access (wrong credentials, account status, or another customer's data).</summary>
    UnauthorizedAccess = 900,

    /// <summary>901: illegal request data (not JSON, wrong types).</summary>
    IllegalRequestData = 901,

    /// <summary>902: access denied (permission or scope).</summary>
    AccessDenied = 902,

    /// <summary>9999: system error; retry once, then escalate.</summary>
    UnexpectedSystemError = 9999,
}
