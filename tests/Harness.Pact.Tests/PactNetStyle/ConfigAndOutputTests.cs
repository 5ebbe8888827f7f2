using IPAddress = Harness.Pact.IPAddress;

namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>PactConfig and PactVerifierConfig: their outputters, defaults, and WithHttpInteractions' port and host.</summary>
public sealed class ConfigAndOutputTests : ScratchPacts
{
    [Fact]
    public void PactConfig_Defaults_AreThoseOfPactNetWithTheRepositoryPactDir()
    {
        var config = new PactConfig();

        config.LogLevel.Should().Be(PactLogLevel.Information);
        config.Outputters.Should().ContainSingle().Which.Should().BeOfType<ConsoleOutput>();
        config.PactDir.Should().Be(PactTools.DefaultPactDir);
        config.DefaultJsonSettings.Should().NotBeNull();
    }

    [Fact]
    public async Task PactConfig_Outputters_ReceiveTheMockServerLogAndEveryMismatch()
    {
        var output = new RecordingOutput();
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [output] })
            .WithHttpInteractions();
        pact.UponReceiving("a request for order 1").WithRequest(HttpMethod.Get, "/api/orders/1").WillRespond().WithStatus(HttpStatusCode.OK);

        var verify = () => pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "api/orders/2"))).Dispose());

        await verify.Should().ThrowAsync<PactFailureException>();
        output.Lines.Should().Contain("Mock server logs:");
        output.Lines.Should().Contain(line => line.Contains("Missing request: GET /api/orders/1", StringComparison.Ordinal)
            && line.Contains("Unexpected request: GET /api/orders/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PactConfig_LogLevelNone_WritesNothing()
    {
        var output = new RecordingOutput();
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [output], LogLevel = PactLogLevel.None })
            .WithHttpInteractions();
        pact.UponReceiving("a request for order 1").WithRequest(HttpMethod.Get, "/api/orders/1").WillRespond().WithStatus(HttpStatusCode.OK);

        await pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "api/orders/1"))).Dispose());

        File.Exists(Pacts.PactFile("orders-consumer", "orders-api")).Should().BeTrue();
        output.Lines.Should().BeEmpty();
    }

    [Fact]
    public void Verify_Sync_RunsTheInteractionsAndWritesThePact()
    {
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] }).WithHttpInteractions();
        pact.UponReceiving("a request for order 1").WithRequest("GET", "/api/orders/1").WillRespond().WithStatus((ushort)200);

        pact.Verify(ctx =>
        {
            using var response = Http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri(ctx.MockServerUri, "api/orders/1")));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        });

        File.ReadAllText(Pacts.PactFile("orders-consumer", "orders-api")).Should().Contain("a request for order 1");
    }

    [Fact]
    public async Task WithHttpInteractions_WithPortAndHost_ServesOnThatPortOfThatHost()
    {
        var port = FreePort();
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] })
            .WithHttpInteractions(port, IPAddress.Loopback);
        pact.UponReceiving("a request for order 1").WithRequest(HttpMethod.Get, "/api/orders/1").WillRespond().WithStatus(HttpStatusCode.OK);

        await pact.VerifyAsync(async ctx =>
        {
            ctx.MockServerUri.Should().Be(new Uri($"http://127.0.0.1:{port}/"));
            using var response = await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/orders/1"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task WithHttpInteractions_WithPortInUse_ThrowsNamingTheAddress()
    {
        using var occupant = new TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] })
            .WithHttpInteractions(port);
        pact.UponReceiving("a request for order 1").WithRequest(HttpMethod.Get, "/api/orders/1").WillRespond().WithStatus(HttpStatusCode.OK);

        var verify = () => pact.VerifyAsync(_ => Task.CompletedTask);

        (await verify.Should().ThrowAsync<PactException>()).WithMessage($"*127.0.0.1:{port}*");
    }

    [Fact]
    public void WithHttpInteractions_WithPortOutOfRange_Throws()
    {
        var configure = () => Pact.V4("orders-consumer", "orders-api").WithHttpInteractions(port: 70000);

        configure.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("port");
    }

    [Fact]
    public void PactVerifierConfig_Defaults_AreThoseOfPactNet()
    {
        var config = new PactVerifierConfig();

        config.LogLevel.Should().Be(PactLogLevel.Information);
        config.Outputters.Should().ContainSingle().Which.Should().BeOfType<ConsoleOutput>();
    }

    [Fact]
    public async Task PactVerifierConfig_Outputters_ReceiveTheVerifierReport()
    {
        var output = new RecordingOutput();
        var pactFile = await WriteOrderPactAsync();
        await using var provider = await OrdersProvider.StartAsync();
        using var verifier = new PactVerifier("orders-api", new PactVerifierConfig { Outputters = [output] })
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(new FileInfo(pactFile));

        verifier.Verify();

        output.Lines.Should().ContainSingle()
            .Which.Should().Contain("Verifying a pact between orders-consumer and orders-api").And.Contain("a request for an unknown order");
    }

    [Fact]
    public async Task PactVerifierConfig_LogLevelNone_WritesNothing()
    {
        var output = new RecordingOutput();
        var pactFile = await WriteOrderPactAsync();
        await using var provider = await OrdersProvider.StartAsync();
        using var verifier = new PactVerifier("orders-api", new PactVerifierConfig { Outputters = [output], LogLevel = PactLogLevel.None })
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(new FileInfo(pactFile));

        verifier.Verify();

        output.Lines.Should().BeEmpty();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<string> WriteOrderPactAsync()
    {
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] }).WithHttpInteractions();
        pact.UponReceiving("a request for an unknown order").WithRequest(HttpMethod.Get, "/api/orders/404").WillRespond().WithStatus(HttpStatusCode.NotFound);
        await pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "api/orders/404"))).Dispose());
        return Pacts.PactFile("orders-consumer", "orders-api");
    }

    private sealed class RecordingOutput : IOutput
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string line) => Lines.Add(line);
    }
}
