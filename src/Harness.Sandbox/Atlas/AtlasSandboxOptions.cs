namespace Harness.Sandbox.Atlas;

/// <summary>A partner account the sandbox accepts: x-atlas-client-id / x-atlas-client-secret, and its client code.</summary>
public sealed record AtlasSandboxClient(string ClientId, string ClientSecret, string ClientCode)
{
    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"AtlasSandboxClient {{ ClientId = {ClientId}, ClientCode = {ClientCode} }}";
}

/// <summary>Per-client request limit; Atlas answers code 429 with retryAfter once it is exceeded.</summary>
public sealed record AtlasSandboxRateLimit(int PermitLimit, TimeSpan Window, string LimitType = "ATLAS_QPS");

/// <summary>Settings of an <see cref="AtlasSandbox"/>. The defaults make a working local sandbox.</summary>
public sealed class AtlasSandboxOptions
{
    /// <summary>The public Atlas sandbox client (<see cref="SandboxCredentials"/>).</summary>
    public const string DefaultClientId = SandboxCredentials.AtlasClientId;

    /// <summary>A local-only, published test credential: it guards nothing real.</summary>
    public const string DefaultClientSecret = SandboxCredentials.AtlasClientSecret;

    public const string DefaultClientCode = SandboxCredentials.AtlasClientCode;

    public IReadOnlyList<AtlasSandboxClient> Clients { get; init; } = [new(DefaultClientId, DefaultClientSecret, DefaultClientCode)];

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Seed of the fakers that generate the sandbox's incidents (<c>AtlasFakers</c>: ids, order numbers, names, payloads).</summary>
    public int Seed { get; init; } = 20230401;

    /// <summary>Used for webhook deliveries; when null the sandbox owns one.</summary>
    public HttpClient? WebhookHttpClient { get; init; }

    /// <summary>Tries per delivery, the first included. Bounded so a dead receiver cannot keep the sandbox busy.</summary>
    public int WebhookMaxAttempts { get; init; } = 3;

    /// <summary>Wait before the second try; doubled before each further try (100, 200, 400 ms by default).</summary>
    public TimeSpan WebhookInitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one delivery attempt may take (Atlas's assistant asks receivers to answer within 5 s).</summary>
    public TimeSpan WebhookAttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Test hook: how many times each notification is delivered, to exercise receivers' deduplication.</summary>
    public int WebhookDeliveryCopies { get; init; } = 1;

    /// <summary>Webhook URLs must be loopback unless this is set: the sandbox must not post to the internet by accident.</summary>
    public bool AllowNonLoopbackWebhooks { get; init; }

    /// <summary>Null: no request limit (Atlas documents none for these endpoints).</summary>
    public AtlasSandboxRateLimit? RateLimit { get; init; }

    /// <summary>The client with this id, or null.</summary>
    public AtlasSandboxClient? FindClient(string clientId) =>
        Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    /// <summary>The client with this id; throws <see cref="ArgumentException"/> naming it when there is none.</summary>
    public AtlasSandboxClient RequireClient(string clientId) =>
        FindClient(clientId) ?? throw new ArgumentException($"'{clientId}' is not a client of this Atlas sandbox.", nameof(clientId));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is wrong.</summary>
    public void Validate()
    {
        if (Clients.Count == 0)
            throw new ArgumentException("AtlasSandboxOptions.Clients needs at least one client.", nameof(Clients));
        foreach (var client in Clients)
        {
            if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.ClientSecret))
                throw new ArgumentException($"AtlasSandboxOptions.Clients: client '{client.ClientId}' needs a ClientId and a ClientSecret.", nameof(Clients));
        }

        if (Clients.Select(c => c.ClientId).Distinct(StringComparer.Ordinal).Count() != Clients.Count)
            throw new ArgumentException("AtlasSandboxOptions.Clients: client ids must be unique.", nameof(Clients));
        if (WebhookMaxAttempts is < 1 or > 10)
            throw new ArgumentException($"AtlasSandboxOptions.WebhookMaxAttempts must be 1..10, not {WebhookMaxAttempts}.", nameof(WebhookMaxAttempts));
        if (WebhookInitialBackoff < TimeSpan.Zero || WebhookInitialBackoff > TimeSpan.FromMinutes(1))
            throw new ArgumentException($"AtlasSandboxOptions.WebhookInitialBackoff must be 0..1 min, not {WebhookInitialBackoff}.", nameof(WebhookInitialBackoff));
        if (WebhookAttemptTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"AtlasSandboxOptions.WebhookAttemptTimeout must be positive, not {WebhookAttemptTimeout}.", nameof(WebhookAttemptTimeout));
        if (WebhookDeliveryCopies is < 1 or > 10)
            throw new ArgumentException($"AtlasSandboxOptions.WebhookDeliveryCopies must be 1..10, not {WebhookDeliveryCopies}.", nameof(WebhookDeliveryCopies));
        if (RateLimit is { } limit && (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero))
            throw new ArgumentException($"AtlasSandboxOptions.RateLimit needs PermitLimit >= 1 and a positive Window, not {limit}.", nameof(RateLimit));
    }
}
