using System.Net;

namespace Harness.Sandbox.Atlas;

/// <summary>The one URL per client that receives every notification type (updateWebhookURL.do). Thread-safe.</summary>
public sealed class AtlasWebhookRegistry(bool allowNonLoopback)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Uri> _urls = new(StringComparer.Ordinal);

    /// <summary>Why a webhook URL is refused, or null when it is acceptable.</summary>
    public string? Check(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return $"webhook url must be an absolute http(s) URL, not '{url}'";
        if (!allowNonLoopback && !IsLoopback(url))
            return $"webhook url must be a loopback address (127.0.0.1, ::1, localhost) unless AllowNonLoopbackWebhooks is set, not '{url.Host}'";
        return null;
    }

    /// <summary>Registers <paramref name="url"/> for the client; throws <see cref="ArgumentException"/> with <see cref="Check"/>'s reason.</summary>
    public void Register(string clientId, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Check(url) is { } problem)
            throw new ArgumentException(problem, nameof(url));
        lock (_gate)
            _urls[clientId] = url;
    }

    public Uri? UrlOf(string clientId)
    {
        lock (_gate)
            return _urls.GetValueOrDefault(clientId);
    }

    public void Clear()
    {
        lock (_gate)
            _urls.Clear();
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
