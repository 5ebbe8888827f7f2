using Harness.Client.Logging;

namespace Harness.Client;

/// <summary>Everything one <see cref="AirlineApiClient"/> needs to talk to one target.</summary>
public sealed class AirlineApiOptions
{
    /// <summary>Server URL including the version path, e.g. <c>http://127.0.0.1:5180/airline/v1.1/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Sent only in the <c>POST /auth</c> body; never logged.</summary>
    public required string ClientSecret { get; init; }

    /// <summary>Per-call timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connection pool cap per server (ignored when <see cref="HttpMessageHandler"/> is supplied).</summary>
    public int MaxConnectionsPerServer { get; init; } = 256;

    /// <summary>Refresh the token this long before <c>expires_in</c> runs out (capped at half the token's lifetime).</summary>
    public TimeSpan TokenRefreshSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional handler for tests and load runs; the client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Clock for token expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called after every HTTP exchange with a redacted summary (step logs, load metrics); may run concurrently.</summary>
    public Action<ApiCallLog>? OnCall { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"AirlineApiOptions.BaseUrl '{BaseUrl}' must be an absolute http(s) URL.", nameof(BaseUrl));
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("AirlineApiOptions.ClientId is empty.", nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new ArgumentException("AirlineApiOptions.ClientSecret is empty.", nameof(ClientSecret));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"AirlineApiOptions.Timeout must be positive, not {Timeout}.", nameof(Timeout));
        }

        if (MaxConnectionsPerServer < 1)
        {
            throw new ArgumentException($"AirlineApiOptions.MaxConnectionsPerServer must be at least 1, not {MaxConnectionsPerServer}.", nameof(MaxConnectionsPerServer));
        }

        if (TokenRefreshSkew < TimeSpan.Zero)
        {
            throw new ArgumentException($"AirlineApiOptions.TokenRefreshSkew must not be negative, not {TokenRefreshSkew}.", nameof(TokenRefreshSkew));
        }
    }

    public override string ToString() =>
        $"AirlineApiOptions {{ BaseUrl = {BaseUrl}, ClientId = {ClientId}, ClientSecret = {Redactor.Mask}, Timeout = {Timeout}, MaxConnectionsPerServer = {MaxConnectionsPerServer} }}";
}
