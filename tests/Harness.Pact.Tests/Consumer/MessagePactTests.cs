namespace Harness.Pact.Tests.Consumer;

public sealed class MessagePactTests : IDisposable
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly TempDirectory _pacts = new();

    public void Dispose() => _pacts.Dispose();

    [Fact]
    public void Verify_WhenHandlerSucceeds_WritesAsyncMessageIntoV4Pact()
    {
        using var messages = NewMessagePact();
        ContractEvent? handled = null;

        messages.ExpectsToReceive("a contract confirmed webhook")
            .Given("a contract was confirmed", new Dictionary<string, object> { ["contract_id"] = "c-1", ["attempt"] = 1 })
            .WithMetadata("content-type", "application/json")
            .WithJsonContent(new { EventType = "contract_confirmed", ContractId = Match.Type("c-1"), OccurredAt = Match.DateTime("2024-05-01T10:15:00Z") })
            .Verify<ContractEvent>(message => handled = message);

        handled.Should().Be(new ContractEvent("contract_confirmed", "c-1", "2024-05-01T10:15:00Z"), "the handler gets the example, matchers stripped");
        var interaction = PactFile.Interaction(PactFile.Read(_pacts.PactFile("atlas-consumer", "atlas-notifications")), "a contract confirmed webhook");
        interaction["type"]!.GetValue<string>().Should().Be("Asynchronous/Messages");
        interaction["contents"]!["content"]!["event_type"]!.GetValue<string>().Should().Be("contract_confirmed");
        interaction["matchingRules"]!["body"]!["$.contract_id"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("type");
        var state = interaction["providerStates"]!.AsArray().Single()!;
        state["params"]!["attempt"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task VerifyAsync_WhenHandlerThrows_ThrowsAndWritesNothing()
    {
        using var messages = NewMessagePact();

        var verify = () => messages.ExpectsToReceive("a malformed webhook")
            .WithJsonContent(new { EventType = "unknown" })
            .VerifyAsync<ContractEvent>(_ => throw new FormatException("unknown event type"));

        (await verify.Should().ThrowAsync<PactMessageException>()).WithMessage("*a malformed webhook*unknown event type*");
        File.Exists(_pacts.PactFile("atlas-consumer", "atlas-notifications")).Should().BeFalse();
    }

    [Fact]
    public async Task Verify_MessageAndHttpInteractions_MergeIntoOneFile()
    {
        using (var http = Pact.V4("atlas-consumer", "atlas-notifications", new PactConfig { PactDir = _pacts.Path }))
        {
            http.UponReceiving("a subscription").WithRequest(HttpMethod.Post, "/subscriptions").WillRespond().WithStatus(201);
            using var client = new HttpClient();
            await http.VerifyAsync(async context => (await client.PostAsync(new Uri(context.MockServerUri, "subscriptions"), null)).Dispose());
        }

        using var messages = NewMessagePact();
        messages.ExpectsToReceive("a ping").WithJsonContent(new { EventType = "ping" }).Verify<JsonElement>(_ => { });

        var types = PactFile.Read(_pacts.PactFile("atlas-consumer", "atlas-notifications"))["interactions"]!.AsArray()
            .Select(interaction => (string?)interaction!["type"]);
        types.Should().BeEquivalentTo("Synchronous/HTTP", "Asynchronous/Messages");
    }

    private IMessagePactBuilderV4 NewMessagePact() =>
        Pact.V4("atlas-consumer", "atlas-notifications", new PactConfig { PactDir = _pacts.Path, DefaultJsonSettings = SnakeCase })
            .WithMessageInteractions();

    public sealed record ContractEvent(string EventType, string ContractId, string OccurredAt);
}
