namespace Harness.Sandbox;

/// <summary>A partner client the sandbox accepts on POST /auth, with the products its tokens cover ("cfar", "dg").</summary>
public sealed record SandboxClient(string ClientId, string ClientSecret, params string[] Products);

/// <summary>How a sandbox is hosted and what it allows. Defaults suit tests: a random loopback port, one client.</summary>
public sealed class SandboxOptions
{
    /// <summary>The public sandbox client (<see cref="SandboxCredentials"/>), covering both products.</summary>
    public const string DefaultClientId = SandboxCredentials.ClientId;

    public const string DefaultClientSecret = SandboxCredentials.ClientSecret;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public IList<SandboxClient> Clients { get; set; } = [new SandboxClient(DefaultClientId, DefaultClientSecret, Products.Cfar, Products.Dg)];

    /// <summary>
    /// How long a token from POST /auth (or the "a valid token exists" state) is accepted; <c>expires_in</c> answers it
    /// in whole seconds. Default 86 400 s, the spec's example: clients that refresh an hour early (Hopper's generated
    /// SDK keeps a token for <c>expires_in − 3600</c> s) would otherwise authenticate before every call.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(86_400);

    /// <summary>How long an offer can be turned into a contract (never past the first departure).</summary>
    public TimeSpan OfferLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Maps POST /_pact/provider-states (loopback callers only).</summary>
    public bool EnableProviderStates { get; set; }

    /// <summary>Maps /_admin/faults, /_admin/break and /_admin/ping (loopback callers only).</summary>
    public bool EnableAdmin { get; set; }

    /// <summary>Upper bound per entity kind (sessions, offers, contracts, exercises); the oldest are evicted beyond it.</summary>
    public int MaxEntities { get; set; } = 200_000;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>No request logging and no banner.</summary>
    public bool Quiet { get; set; }

    /// <summary>
    /// Operation ids that answer their "validated but not performed" 204 (after full validation, without any effect).
    /// Only the eight operations that declare such a 204 honour it.
    /// </summary>
    public ISet<string> NotPerformedOperations { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The Atlas notifications API served beside the airline API under <c>/atlas</c> (clients, rate limit, webhooks).</summary>
    public Atlas.AtlasSandboxOptions Atlas { get; set; } = new();
}
