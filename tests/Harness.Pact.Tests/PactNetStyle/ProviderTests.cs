namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>
/// A provider test written as PactNet 5's samples write them (only the using lines differ, and the provider listens on
/// a free port instead of 5000): the HTTP interactions against the Orders API, the message through WithMessages.
/// </summary>
[Collection(OrdersPact.Name)]
public class ProviderTests : IAsyncLifetime, IDisposable
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    private readonly PactVerifier _verifier;
    private OrdersProvider _server = null!;

    public ProviderTests(ITestOutputHelper output)
    {
        this._verifier = new PactVerifier("Orders API", new PactVerifierConfig
        {
            LogLevel = PactLogLevel.Debug,
            Outputters = new List<IOutput>
            {
                new XunitOutput(output),
            },
        });
    }

    private Uri ProviderUri => this._server.BaseUri;

    public async Task InitializeAsync() => this._server = await OrdersProvider.StartAsync();

    public async Task DisposeAsync() => await this._server.DisposeAsync();

    public void Dispose() => this._verifier.Dispose();

    [Fact]
    public void Verify()
    {
        string pactPath = PactFileOrFail();

        this._verifier
            .WithHttpEndpoint(ProviderUri)
            .WithMessages(scenarios =>
            {
                scenarios.Add("an event indicating that an order has been created", () => new OrderCreatedEvent(1));
            }, Options)
            .WithFileSource(new FileInfo(pactPath))
            .WithProviderStateUrl(new Uri(ProviderUri, "/provider-states"))
            .Verify();
    }

    /// <summary>The pact the consumer tests write; the provider test fails, naming the command, when it is missing.</summary>
    internal static string PactFileOrFail() =>
        File.Exists(OrdersPact.PactFile)
            ? OrdersPact.PactFile
            : throw new FileNotFoundException(
                $"{OrdersPact.PactFile} is missing: run `dotnet test tests/Harness.Pact.Tests --filter \"FullyQualifiedName~PactNetStyle\"` " +
                "(its consumer tests write it).",
                OrdersPact.PactFile);
}
