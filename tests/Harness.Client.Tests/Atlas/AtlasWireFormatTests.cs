namespace Harness.Client.Tests.Atlas;

/// <summary>What the Atlas client puts on the wire, header for header, whatever does the sending underneath.</summary>
public sealed class AtlasWireFormatTests
{
    [Fact]
    public async Task UpdateWebhookUrlAsync_SendsTheSameHeadersAndBodyBytes()
    {
        using var handler = new RecordingHandler("""{"status":0,"msg":"success"}""");
        using var client = new AtlasClient(new AtlasClientOptions
        {
            BaseUrl = new Uri("http://atlas.test/base/"),
            ClientId = "client-42",
            ClientSecret = "s3cr3t-value",
            HttpMessageHandler = handler,
        });

        await client.UpdateWebhookUrlAsync(new Uri("https://partner.test/hook"));

        var sent = handler.Requests.Single();
        sent.ContentType.Should().Be("application/json; charset=utf-8");
        sent.Accept.Should().Be("application/json, text/json, text/x-json, text/javascript, application/xml, text/xml");
        sent.Headers.Should().Be("User-Agent=RestSharp/114.1.0.0; x-atlas-client-id=client-42; x-atlas-client-secret=s3cr3t-value; Accept-Encoding=gzip; Accept=application/json,text/json,text/x-json,text/javascript,application/xml,text/xml");
        sent.Body.Should().Be("""{"url":"https://partner.test/hook","cid":"client-42"}""");
    }

    private sealed record Sent(string? ContentType, string Accept, string Headers, string Body);

    private sealed class RecordingHandler(string body) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new Sent(request.Content?.Headers.ContentType?.ToString(), request.Headers.Accept.ToString(), string.Join("; ", request.Headers.Select(h => h.Key + "=" + string.Join(",", h.Value))), sent));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
