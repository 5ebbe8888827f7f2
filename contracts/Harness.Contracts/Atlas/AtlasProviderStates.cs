namespace Harness.Contracts.Atlas;

/// <summary>The Atlas provider states the pacts use, spelled exactly as the sandbox's <c>AtlasSandbox</c> states.</summary>
public static class AtlasProviderStates
{
    /// <summary>{eventId, type}: an unconfirmed incident of that type is stored (nobody is notified).</summary>
    public const string IncidentExists = "an incident exists";

    /// <summary>Every call answers status 900 until teardown.</summary>
    public const string CredentialsInvalid = "the client credentials are invalid";

    /// <summary>Every valid call answers HTTP 429 with retryAfter until teardown.</summary>
    public const string RequestLimitExceeded = "the request limit is exceeded";
}
