namespace Harness.Contracts.Atlas;

/// <summary>POST /updateWebhookURL.do: the one URL that receives every notification of the client.</summary>
public sealed class WebhookUrlContractTests(AtlasContractsFixture fixture) : AtlasContractTest(fixture)
{
    private const string What = "a request to register the webhook URL";
    private static readonly Uri Webhook = new("http://127.0.0.1:8080/hooks/atlas");
    private static readonly Dictionary<string, Func<JsonNode, object>> Pins = new() { ["url"] = AtlasShapes.Url };

    private static JsonNode Body => AtlasShapes.Json(new UpdateWebhookUrlRequest { Url = Webhook.AbsoluteUri, Cid = ClientId });

    [Fact]
    public async Task UpdateWebhookUrlAsync_LoopbackUrl_Succeeds()
    {
        Expect(What, AtlasClient.UpdateWebhookUrlPath, Body, Pins)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Success());

        await VerifyAsync(async client =>
            await FluentActions.Awaiting(() => client.UpdateWebhookUrlAsync(Webhook)).Should().NotThrowAsync());
    }

    [Fact]
    public async Task UpdateWebhookUrlAsync_RefusedCredentials_ThrowsAuthorization900() =>
        await ExpectUnauthorizedAsync(What, AtlasClient.UpdateWebhookUrlPath, Body, client => client.UpdateWebhookUrlAsync(Webhook), Pins);

    [Fact]
    public async Task UpdateWebhookUrlAsync_UrlMissing_ThrowsRequestRejected100() =>
        await ExpectMissingFieldAsync(What, AtlasClient.UpdateWebhookUrlPath, Body, "url", client => client.UpdateWebhookUrlAsync(Webhook), Pins);

    [Fact]
    public async Task UpdateWebhookUrlAsync_OverRequestLimit_ThrowsRateLimitedWithRetryAfter() =>
        await ExpectRateLimitedAsync(What, AtlasClient.UpdateWebhookUrlPath, Body, client => client.UpdateWebhookUrlAsync(Webhook), Pins);
}
