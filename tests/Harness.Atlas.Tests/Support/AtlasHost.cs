using Harness.Spec.Testing;

namespace Harness.Atlas.Tests.Support;

/// <summary>The Atlas sandbox and a webhook receiver in one Kestrel host on 127.0.0.1, on a free port.</summary>
public sealed class AtlasHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AtlasHost(WebApplication app, AtlasSandbox sandbox, WebhookInbox inbox, Uri root)
    {
        _app = app;
        Sandbox = sandbox;
        Inbox = inbox;
        Root = root;
        Http = new HttpClient { BaseAddress = root };
    }

    public AtlasSandbox Sandbox { get; }
    public WebhookInbox Inbox { get; }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri Root { get; }

    /// <summary>The sandbox's base URL, http://127.0.0.1:{port}/atlas/</summary>
    public Uri AtlasBaseUrl => new(Root, "atlas/");

    public Uri WebhookUrl => new(Root, "atlas/webhook");

    /// <summary>A plain client for requests the typed client refuses to make.</summary>
    public HttpClient Http { get; }

    public static async Task<AtlasHost> StartAsync(AtlasSandboxOptions? options = null, Action<WebApplication>? configure = null)
    {
        var sandbox = new AtlasSandbox(options);
        var inbox = new WebhookInbox();
        var (app, root) = await LoopbackApp.StartAsync(app =>
        {
            app.MapAtlasSandbox(sandbox);
            app.MapAtlasWebhookReceiver(inbox);
            configure?.Invoke(app);
        });
        return new AtlasHost(app, sandbox, inbox, root);
    }

    public AtlasClient CreateClient(string clientId = AtlasSandboxOptions.DefaultClientId, string secret = AtlasSandboxOptions.DefaultClientSecret) =>
        new(new AtlasClientOptions { BaseUrl = AtlasBaseUrl, ClientId = clientId, ClientSecret = secret, Timeout = TimeSpan.FromSeconds(10) });

    /// <summary>POSTs raw JSON to a sandbox path with the default credentials (or none) and returns the parsed answer.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAtlasAsync(string path, string body, bool withCredentials = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(AtlasBaseUrl, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (withCredentials)
        {
            request.Headers.Add(AtlasClient.ClientIdHeader, AtlasSandboxOptions.DefaultClientId);
            request.Headers.Add(AtlasClient.ClientSecretHeader, AtlasSandboxOptions.DefaultClientSecret);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.WhenDeliveriesCompleteAsync();
        Http.Dispose();
        Sandbox.Dispose();
        await _app.DisposeAsync();
    }
}
