namespace Harness.Atlas.Tests.Support;

/// <summary>Answers every request with a fixed response and records what was sent.</summary>
public sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

    public Dictionary<string, string> ResponseHeaders { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, sent));
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request };
        foreach (var (name, value) in ResponseHeaders)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    public static AtlasClient ClientFor(CannedHandler handler, string baseUrl = "http://atlas.test/base/") =>
        new(new AtlasClientOptions
        {
            BaseUrl = new Uri(baseUrl),
            ClientId = "client-42",
            ClientSecret = "s3cr3t-value",
            HttpMessageHandler = handler,
        });
}
