using System.Net.Http.Headers;
using System.Text;

namespace Harness.Sandbox.Tests.Support;

/// <summary>What came back: status, headers, and the body as JSON (when it is JSON) and as bytes.</summary>
public sealed record Reply(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, byte[] Bytes)
{
    public JsonNode? Json => Bytes.Length > 0 && ContentHeaders.ContentType?.MediaType == "application/json" ? JsonNode.Parse(Bytes) : null;

    /// <summary>A header from the response or its content (HttpClient files Expires and Content-* under content).</summary>
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) || ContentHeaders.TryGetValues(name, out values) ? string.Join(",", values) : null;

    /// <summary>The fields named by the error body's entries (messages.field).</summary>
    public IReadOnlyList<string> ErrorFields => Json?["errors"]?.AsArray().Select(e => (string)e!["messages"]!["field"]!).ToList() ?? [];
}

/// <summary>Raw HTTP against a sandbox: no typed client, so wire-level mistakes show.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(SandboxHost host, HttpClient http)
    {
        Host = host;
        _http = http;
    }

    public SandboxHost Host { get; }

    public string Token { get; private set; } = string.Empty;

    public static async Task<ApiClient> ConnectAsync(SandboxHost host)
    {
        var client = new ApiClient(host, new HttpClient { BaseAddress = host.AirlineBaseUrl });
        client.Token = await client.TokenAsync(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);
        return client;
    }

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        var reply = await SendAsync(HttpMethod.Post, "auth", new JsonObject { ["client_id"] = clientId, ["client_secret"] = secret }, token: null);
        reply.Status.Should().Be(HttpStatusCode.Created);
        return (string)reply.Json!["access_token"]!;
    }

    public Task<Reply> PostAsync(string path, JsonNode? body, string? sessionId = null) => SendAsync(HttpMethod.Post, path, body, Token, sessionId);

    public Task<Reply> PutAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Put, path, body, Token);

    public Task<Reply> GetAsync(string path, string? sessionId = null) => SendAsync(HttpMethod.Get, path, null, Token, sessionId);

    public Task<Reply> SendAsync(HttpMethod method, string path, JsonNode? body, string? token, string? sessionId = null, IDictionary<string, string>? headers = null) =>
        SendRawAsync(method, path, body?.ToJsonString(), token, sessionId, headers);

    public async Task<Reply> SendRawAsync(HttpMethod method, string path, string? body, string? token, string? sessionId = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (sessionId is not null)
        {
            request.Headers.Add("HC-Session-ID", sessionId);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Reply(response.StatusCode, response.Headers, response.Content.Headers, bytes);
    }

    public void Dispose() => _http.Dispose();
}
