using IPAddress = Harness.Pact.IPAddress;

namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>
/// Every public member PactNet's README, samples and XML docs call with named arguments, called here with PactNet's
/// parameter names (the file does not compile if one is renamed), and each call checked for its effect.
/// </summary>
public sealed class NamedArgumentTests(ITestOutputHelper testOutput) : ScratchPacts
{
    [Fact]
    public async Task ConsumerDsl_WithNamedArguments_RecordsEveryPart()
    {
        var config = new PactConfig { PactDir = Pacts.Path, Outputters = [new XunitOutput(output: testOutput)] };
        using var pact = Pact.V4(consumer: "orders-consumer", provider: "orders-api", config: config)
            .WithHttpInteractions(port: null, host: IPAddress.Loopback);
        var camelCase = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        pact.UponReceiving(description: "an order update")
            .Given(providerState: "an order exists", parameters: new Dictionary<string, string> { ["id"] = "1" })
            .WithRequest(method: "PUT", path: "/api/orders/1")
            .WithQuery(key: "force", value: "true")
            .WithQuery(key: "version", matcher: Match.Integer(example: 3))
            .WithHeader(key: "X-Request-Id", value: "r-1")
            .WithHeader(key: "Authorization", matcher: Match.Regex(example: "Bearer t", regex: "^Bearer .+$"))
            .WithJsonBody(body: new { Status = Match.Include(example: "Fulfil") }, settings: camelCase, contentType: "application/merge-patch+json")
            .WillRespond()
            .WithStatus(status: HttpStatusCode.OK)
            .WithHeader(key: "X-Order", matcher: Match.Type(example: "1"))
            .WithJsonBody(body: new
            {
                Lines = Match.MinType(example: new { Sku = "a" }, min: 1),
                Tags = Match.MaxType(example: "t", max: 3),
                Boxes = Match.MinMaxType(example: 1, min: 1, max: 2),
                Total = Match.Decimal(example: 9.5),
                Weight = Match.Number(example: 2),
                Currency = Match.Equality(example: "CAD"),
                Note = Match.Null(),
            }, settings: camelCase);

        await pact.VerifyAsync(interact: async ctx =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(ctx.MockServerUri, "api/orders/1?force=true&version=7"));
            request.Headers.Add("X-Request-Id", "r-1");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
            request.Content = new StringContent("""{"status":"Fulfilling"}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
            using var response = await Http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        });

        var interaction = PactFile.Interaction(PactFile.Read(Pacts.PactFile("orders-consumer", "orders-api")), "an order update");
        interaction["providerStates"]![0]!["params"]!["id"]!.GetValue<int>().Should().Be(1, "PactNet records JSON-looking string parameters as JSON");
        interaction["request"]!["headers"]!["Content-Type"]![0]!.GetValue<string>().Should().Be("application/merge-patch+json");
        interaction["request"]!["matchingRules"]!["query"]!["version"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("integer");
        var rules = interaction["response"]!["matchingRules"]!["body"]!;
        rules["$.lines"]!["matchers"]![0]!["min"]!.GetValue<int>().Should().Be(1);
        rules["$.tags"]!["matchers"]![0]!["max"]!.GetValue<int>().Should().Be(3);
        rules["$.boxes"]!["matchers"]![0]!["max"]!.GetValue<int>().Should().Be(2);
        rules["$.total"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("decimal");
        rules["$.weight"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("number");
        rules["$.note"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("null");
    }

    [Fact]
    public async Task MessageDsl_WithNamedArguments_RecordsMessageAndPactMetadata()
    {
        using var messages = Pact.V4(consumer: "orders-consumer", provider: "orders-events", config: new PactConfig { PactDir = Pacts.Path, Outputters = [] })
            .WithMessageInteractions()
            .WithPactMetadata(@namespace: "harness", name: "suite", value: "named-arguments");

        await messages.ExpectsToReceive(description: "an order created event")
            .Given(providerState: "an order exists", parameters: new Dictionary<string, string> { ["id"] = "o-1" })
            .WithMetadata(key: "queue", value: "orders")
            .WithJsonContent(body: new { OrderId = Match.Type(example: "o-1") }, settings: new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .VerifyAsync<JsonElement>(handler: message =>
            {
                message.GetProperty("orderId").GetString().Should().Be("o-1");
                return Task.CompletedTask;
            });

        var file = PactFile.Read(Pacts.PactFile("orders-consumer", "orders-events"));
        file["metadata"]!["harness"]!["suite"]!.GetValue<string>().Should().Be("named-arguments");
        var message = PactFile.Interaction(file, "an order created event");
        message["metadata"]!["queue"]!.GetValue<string>().Should().Be("orders");
        message["providerStates"]![0]!["params"]!["id"]!.GetValue<string>().Should().Be("o-1", "a value that is not JSON stays a string");
    }

    [Fact]
    public async Task Verifier_WithNamedArguments_VerifiesThroughEveryOption()
    {
        var pactFile = await WriteOrderPactAsync();
        await using var provider = await OrdersProvider.StartAsync();
        var output = new List<IOutput> { new XunitOutput(output: testOutput) };
        using var verifier = new PactVerifier(provider: "orders-api", config: new PactVerifierConfig { Outputters = output, LogLevel = PactLogLevel.Debug });

        var result = verifier
            .WithHttpEndpoint(pactUri: provider.BaseUri)
            .WithMessages(configure: scenarios => scenarios.Add(description: "an unused message", factory: () => new { id = 1 }), settings: new JsonSerializerOptions())
            .WithDirectorySource(directory: new DirectoryInfo(Pacts.Path), consumers: ["orders-consumer"])
            .WithProviderStateUrl(providerStateUri: new Uri(provider.BaseUri, "/provider-states"), configure: options => options.WithTeardown().WithStyle(style: ProviderStateStyle.Body))
            .WithFilter(description: "a request for order 1", providerState: "^an order with ID")
            .WithRequestTimeout(timeout: TimeSpan.FromSeconds(10))
            .WithSslVerificationDisabled()
            .WithCustomHeader(name: "X-Verifier", value: "harness")
            .Verify();

        result.Output.Should().Contain("a request for order 1").And.Contain("has status code 200 (OK)");
    }

    [Fact]
    public async Task BrokerOptions_WithNamedArgumentsAndTypedSelectors_PublishUnderTheGivenVersionAndBranch()
    {
        await using var provider = await TestProvider.StartAsync();
        await using var broker = await RecordingBroker.StartAsync(RecordingBroker.SessionPact);
        using var verifier = new PactVerifier(provider: "hts-airlines-api", config: new PactVerifierConfig { Outputters = [] });

        verifier
            .WithHttpEndpoint(pactUri: provider.BaseUri)
            .WithPactBrokerSource(brokerBaseUri: broker.BaseUri, configure: options => options
                .BasicAuthentication(username: "ci", password: "not-a-secret")
                .ProviderBranch(branch: "main")
                .ProviderTags(tags: ["ci"])
                .ConsumerTags(tags: ["prod"])
                .ConsumerVersionSelectors(selectors: [new ConsumerVersionSelector { MainBranch = true }, new ConsumerVersionSelector { DeployedOrReleased = true }])
                .EnablePending()
                .IncludeWipPactsSince(date: new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc))
                .PublishResults(condition: true, providerVersion: "3.1.0", configure: publish => publish
                    .ProviderBranch(branch: "release-3")
                    .BuildUri(uri: new Uri("http://127.0.0.1/builds/42"))))
            .Verify();

        broker.Requests.Should().Contain("PUT /pacticipants/hts-airlines-api/branches/release-3/versions/3.1.0")
            .And.Contain(request => request.EndsWith("/verification-results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BrokerOptions_PublishResultsWithFalseCondition_PublishesNothing()
    {
        await using var provider = await TestProvider.StartAsync();
        await using var broker = await RecordingBroker.StartAsync(RecordingBroker.SessionPact);
        using var verifier = new PactVerifier(provider: "hts-airlines-api", config: new PactVerifierConfig { Outputters = [] });

        verifier
            .WithHttpEndpoint(pactUri: provider.BaseUri)
            .WithPactBrokerSource(brokerBaseUri: broker.BaseUri, configure: options => options.PublishResults(condition: false, providerVersion: "3.1.0"))
            .Verify();

        broker.Requests.Should().NotContain(request => request.EndsWith("/verification-results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UriSource_WithNamedArguments_FetchesThePactAndPublishesUnderTheGivenVersion()
    {
        await using var provider = await TestProvider.StartAsync();
        await using var broker = await RecordingBroker.StartAsync(RecordingBroker.SessionPact);
        var pactUri = new Uri(broker.BaseUri, RecordingBroker.PactPath.TrimStart('/'));
        using var verifier = new PactVerifier(provider: "hts-airlines-api", config: new PactVerifierConfig { Outputters = [] });

        var result = verifier
            .WithHttpEndpoint(pactUri: provider.BaseUri)
            .WithUriSource(pactUri: pactUri, configure: options => options
                .TokenAuthentication(token: "not-a-secret")
                .PublishResults(providerVersion: "4.0.0", configure: publish => publish.ProviderBranch(branch: "main")))
            .Verify();

        result.Output.Should().Contain("a request for a session");
        broker.Requests.Should().Contain($"GET {RecordingBroker.PactPath}")
            .And.Contain("PUT /pacticipants/hts-airlines-api/branches/main/versions/4.0.0")
            .And.Contain($"POST {RecordingBroker.PactPath}/verification-results");
    }


    private async Task<string> WriteOrderPactAsync()
    {
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] }).WithHttpInteractions();
        pact.UponReceiving("a request for order 1")
            .Given("an order with ID {id} exists", new Dictionary<string, string> { ["id"] = "1" })
            .WithRequest(HttpMethod.Get, "/api/orders/1")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new { id = Match.Integer(1) });
        await pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "api/orders/1"))).Dispose());
        return Pacts.PactFile("orders-consumer", "orders-api");
    }
}
