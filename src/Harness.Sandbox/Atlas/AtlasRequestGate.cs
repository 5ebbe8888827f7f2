using System.Security.Cryptography;
using System.Text;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// Whether an Atlas request passes: the client's credentials (status 900 otherwise) and its request limit (HTTP 429
/// otherwise), plus the two provider-state switches that fail them on purpose. Thread-safe.
/// </summary>
public sealed class AtlasRequestGate(AtlasSandboxOptions options)
{
    /// <summary>The limit reported while the request limit is forced exceeded and no <see cref="AtlasSandboxOptions.RateLimit"/> is set.</summary>
    public static AtlasSandboxRateLimit ForcedRateLimit { get; } = new(1, TimeSpan.FromMinutes(1));

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private bool _credentialsRefused;
    private bool _limitExceeded;

    /// <summary>The limit a 429 reports: the configured one, or <see cref="ForcedRateLimit"/>.</summary>
    public AtlasSandboxRateLimit ReportedRateLimit => options.RateLimit ?? ForcedRateLimit;

    /// <summary>The client whose id and secret match, or null (Atlas: status 900).</summary>
    public AtlasSandboxClient? Authenticate(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
            return null;
        lock (_gate)
        {
            if (_credentialsRefused)
                return null;
        }

        var client = options.FindClient(clientId);
        if (client is null)
            return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(clientSecret)) ? client : null;
    }

    /// <summary>
    /// Counts a request against the client's window. Returns null when allowed, or how long until a slot frees.
    /// Authentication and validation failures are not counted (checked before this).
    /// </summary>
    public TimeSpan? TryAcquire(string clientId)
    {
        lock (_gate)
        {
            if (_limitExceeded)
                return ReportedRateLimit.Window;
        }

        if (options.RateLimit is not { } limit)
            return null;
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(clientId, out var window))
                _windows[clientId] = window = new Queue<DateTimeOffset>();
            while (window.Count > 0 && now - window.Peek() >= limit.Window)
                window.Dequeue();
            if (window.Count >= limit.PermitLimit)
                return window.Peek() + limit.Window - now;
            window.Enqueue(now);
            return null;
        }
    }

    /// <summary>From now on every request answers 900, until <see cref="Reset"/>.</summary>
    public void RefuseCredentials()
    {
        lock (_gate)
            _credentialsRefused = true;
    }

    /// <summary>From now on every request that passes authentication and validation answers 429, until <see cref="Reset"/>.</summary>
    public void ExceedLimit()
    {
        lock (_gate)
            _limitExceeded = true;
    }

    /// <summary>Forgets the request windows and both switches.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
            _credentialsRefused = false;
            _limitExceeded = false;
        }
    }
}
