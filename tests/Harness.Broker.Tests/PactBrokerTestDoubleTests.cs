using System.Net;
using System.Net.Http.Headers;

namespace Harness.Broker.Tests;

/// <summary>The fixture's own contract where no CLI covers it: the index the Ruby client reads, and the token check.</summary>
public sealed class PactBrokerTestDoubleTests : IAsyncLifetime
{
    private const string Token = "fixture-token-31e7";
    private PactBrokerTestDouble _broker = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _broker = await PactBrokerTestDouble.StartAsync(Token);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?")]
    public async Task GetIndex_WithOrWithoutEmptyQuery_ReturnsHalWithTemplatedRelations(string path)
    {
        using var request = Authorized(HttpMethod.Get, path);

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/hal+json");
        var links = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["_links"]!;
        links["pb:publish-contracts"]!["href"]!.GetValue<string>().Should().Be(new Uri(_broker.BaseUrl, "/contracts/publish").ToString());
        var forVerification = links["pb:provider-pacts-for-verification"]!;
        forVerification["templated"]!.GetValue<bool>().Should().BeTrue();
        forVerification["href"]!.GetValue<string>().Should().EndWith("/pacts/provider/{provider}/for-verification");
        links["pb:pacticipant-version"]!["href"]!.GetValue<string>().Should().EndWith("/pacticipants/{pacticipant}/versions/{version}");
        links["pb:environments"]!["href"]!.GetValue<string>().Should().EndWith("/environments");
    }

    [Fact]
    public async Task AnyRequest_WithoutTheToken_IsRejectedAndStillLogged()
    {
        using var response = await _http.GetAsync(new Uri(_broker.BaseUrl, "/matrix?q[][pacticipant]=airline-partner"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _broker.Requests.Should().Equal("GET /matrix?q[][pacticipant]=airline-partner");
    }

    [Fact]
    public async Task PublishContracts_WithConsumerNameNotMatchingThePact_IsRejectedNamingTheField()
    {
        var pact = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SamplePact.Build().ToJsonString()));
        using var request = Authorized(HttpMethod.Post, "/contracts/publish");
        request.Content = new StringContent(
            $$"""{"pacticipantName":"someone-else","pacticipantVersionNumber":"1","contracts":[{"consumerName":"someone-else","providerName":"hts-airlines-api","specification":"pact","contentType":"application/json","content":"{{pact}}"}]}""",
            System.Text.Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"contracts\"").And.Contain("must match consumerName");
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(_broker.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
