namespace Harness.Client.Tests.Client;

/// <summary>What goes on the wire and what is read back, byte for byte, independent of how the client buffers it.</summary>
public sealed class WireFormatTests : CannedServerTest
{
    [Fact]
    public async Task CreateCfarOffersAsync_WithRequest_SendsTheSerializedJsonAsUtf8WithCharset()
    {
        using var client = new AirlineApiClient(Server.Options());
        var request = Body<CreateCfarOfferRequest>("postCfar_offers");

        await client.CreateCfarOffersAsync(request);

        var sent = Server.Requests.Single(r => r.OperationId == "postCfar_offers");
        sent.Body.Should().Be(AirlineJson.Serialize(request));
        sent.Headers["Content-Type"].Should().Be("application/json; charset=utf-8");
        sent.Headers["Content-Length"].Should().Be(Encoding.UTF8.GetByteCount(sent.Body).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task UpdateDgItinerarySlicesAsync_WithBareArray_SendsTheArrayAsTheBody()
    {
        using var client = new AirlineApiClient(Server.Options());
        var slices = Body<IReadOnlyList<DgItinerarySlice>>("putDg_contractsIdItinerary_slices");

        await client.UpdateDgItinerarySlicesAsync("c-1", slices);

        var sent = Server.Requests.Single(r => r.OperationId == "putDg_contractsIdItinerary_slices");
        sent.Body.Should().StartWith("[").And.Be(AirlineJson.Serialize(slices));
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenHeaderRepeated_JoinsValuesAndIncludesContentHeaders()
    {
        var contractJson = CannedAirlineServer.SampleResponse(AirlineOperations.GetCfarContractsId, 200);
        using var handler = new FixedResponseHandler(request =>
        {
            var response = new HttpResponseMessage(request.RequestUri!.AbsolutePath.EndsWith("/auth", StringComparison.Ordinal) ? HttpStatusCode.Created : HttpStatusCode.OK)
            {
                Content = new StringContent(
                    request.RequestUri.AbsolutePath.EndsWith("/auth", StringComparison.Ordinal)
                        ? "{\"access_token\":\"t-1\",\"scope\":\"s\",\"expires_in\":3600,\"token_type\":\"Bearer\"}"
                        : contractJson,
                    Encoding.UTF8,
                    "application/json"),
            };
            response.Headers.Add("X-Trace", ["first", "second"]);
            response.Headers.Add(AirlineApiClient.HtsSessionIdHeader, "hts-1");
            response.Content.Headers.TryAddWithoutValidation("Expires", "0");
            return response;
        });
        using var client = new AirlineApiClient(Options(handler));

        var result = await client.GetCfarContractAsync("c-1");

        result.Header("x-trace").Should().Be("first, second");
        result.HtsSessionId.Should().Be("hts-1");
        result.Expires.Should().Be("0");
        result.Headers["content-type"].Should().Be("application/json; charset=utf-8");
        result.RequiredBody.Should().BeEquivalentTo(AirlineJson.Deserialize<CfarContract>(contractJson));
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenOnCallSet_LogsMaskedTokenAndSessionHeaders()
    {
        var logs = new List<ApiCallLog>();
        using var client = new AirlineApiClient(Server.Options(onCall: log => { lock (logs) { logs.Add(log); } }));

        await client.GetCfarContractAsync("c-1", "session-7");

        var call = logs.Single(l => l.OperationId == "getCfar_contractsId");
        call.Path.Should().Be("/cfar_contracts/c-1");
        call.StatusCode.Should().Be(200);
        call.RequestHeaders.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["Authorization"] = Redactor.Mask,
            [AirlineApiClient.HcSessionIdHeader] = "session-7",
        });
        call.RequestHeaders["authorization"].Should().Be(Redactor.Mask);
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenNoOnCall_StillReturnsHeadersAndBody()
    {
        using var client = new AirlineApiClient(Server.Options());

        var result = await client.GetCfarContractAsync("c-1");

        result.StatusCode.Should().Be(200);
        result.CacheControl.Should().Be("no-store");
        result.RequiredBody.Id.Should().NotBeNullOrEmpty();
    }

    private static AirlineApiOptions Options(HttpMessageHandler handler) => new()
    {
        BaseUrl = new Uri("http://127.0.0.1:9/airline/v1.1/"),
        ClientId = "test-client",
        ClientSecret = "test-secret",
        HttpMessageHandler = handler,
    };

    private static T Body<T>(string operationId) =>
        AirlineJson.Deserialize<T>(SchemaSampler.Full.Sample(SpecDocument.AirlineApi.RequestBodySchema(operationId)).ToJsonString());

    private sealed class FixedResponseHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }
}
