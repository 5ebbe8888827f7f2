namespace Harness.Client.Atlas;

/// <summary>Where Atlas is and who is calling. <see cref="ToString"/> never shows the secret.</summary>
public sealed class AtlasClientOptions
{
    /// <summary>Base URL the *.do paths hang off, e.g. https://sandbox.atriptech.com/ or a Pact mock server's URL.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as x-atlas-client-id, and as the <c>cid</c> of updateWebhookURL.do.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Sent as x-atlas-client-secret. Never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Per-call time-out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Optional transport (tests, proxies). When set, decompression is this handler's business.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is missing or wrong.</summary>
    public void Validate()
    {
        if (BaseUrl is null)
            throw new ArgumentException("AtlasClientOptions.BaseUrl is required (e.g. https://sandbox.atriptech.com/).", nameof(BaseUrl));
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"AtlasClientOptions.BaseUrl must be an absolute http(s) URL, not '{BaseUrl}'.", nameof(BaseUrl));
        if (string.IsNullOrWhiteSpace(ClientId))
            throw new ArgumentException("AtlasClientOptions.ClientId is required (x-atlas-client-id).", nameof(ClientId));
        if (string.IsNullOrWhiteSpace(ClientSecret))
            throw new ArgumentException("AtlasClientOptions.ClientSecret is required (x-atlas-client-secret).", nameof(ClientSecret));
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentException($"AtlasClientOptions.Timeout must be positive, not {Timeout}.", nameof(Timeout));
    }

    public override string ToString() =>
        $"AtlasClientOptions {{ BaseUrl = {BaseUrl}, ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, Timeout = {Timeout} }}";
}
