using System.Net;

namespace Harness.Load.Targets;

/// <summary>HTTP settings for the one client shared by every iteration against a target.</summary>
internal sealed record HttpSettings
{
    /// <summary>
    /// The connection pool's size per server. Deliberately finite: it bounds sockets on both ends, and an open-model run
    /// that needs more concurrency than this queues inside the pool, which the corrected latency then shows.
    /// </summary>
    public int MaxConnectionsPerServer { get; init; } = 512;

    /// <summary>Recycles connections so DNS changes and load-balancer rebalancing are seen during long runs.</summary>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Creates the single HttpClient (over one SocketsHttpHandler) used for a target for the whole run.</summary>
internal static class HttpTarget
{
    public static HttpClient CreateClient(Uri baseUrl, HttpSettings settings) =>
        CreateClient(baseUrl, settings, CreateHandler(settings));

    /// <summary>The client over <paramref name="handler"/>; disposing the client disposes the handler.</summary>
    public static HttpClient CreateClient(Uri baseUrl, HttpSettings settings, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(settings);
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseUrl,
            Timeout = settings.RequestTimeout,
        };
    }

    public static SocketsHttpHandler CreateHandler(HttpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxConnectionsPerServer < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.MaxConnectionsPerServer, "max connections per server must be ≥ 1");
        return new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.MaxConnectionsPerServer,
            PooledConnectionLifetime = settings.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
    }
}
