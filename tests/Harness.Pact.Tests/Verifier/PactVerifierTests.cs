namespace Harness.Pact.Tests.Verifier;

public sealed class PactVerifierTests : IAsyncLifetime
{
    private const string Consumer = "airline-partner";
    private const string Provider = "hts-airlines-api";

    private readonly TempDirectory _pacts = new();

    private FileInfo PactPath => new(_pacts.PactFile(Consumer, Provider));

    public async Task InitializeAsync()
    {
        // The pact under verification comes from the consumer side of this binding.
        using var pact = Pact.V4(Consumer, Provider, new PactConfig
        {
            PactDir = _pacts.Path,
            DefaultJsonSettings = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower },
        });
        pact.UponReceiving("a request for a CFAR contract")
            .Given("a confirmed CFAR contract exists", new Dictionary<string, object> { ["id"] = "c-7", ["premium"] = 40.8 })
            .WithRequest(HttpMethod.Get, "/cfar_contracts/c-7")
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { Id = Match.Type("c-7"), ContractStatus = Match.Regex("confirmed", "^(confirmed|created)$") });
        pact.UponReceiving("a request for a session")
            .Given("a session exists")
            .WithRequest(HttpMethod.Get, "/sessions/s-1")
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { Id = "s-1" });
        using var http = new HttpClient();
        await pact.VerifyAsync(async context =>
        {
            (await http.GetAsync(new Uri(context.MockServerUri, "cfar_contracts/c-7"))).Dispose();
            (await http.GetAsync(new Uri(context.MockServerUri, "sessions/s-1"))).Dispose();
        });
    }

    public Task DisposeAsync()
    {
        _pacts.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Verify_WhenProviderHonoursPact_PassesAndReportsJson()
    {
        await using var provider = await TestProvider.StartAsync();
        using var verifier = new PactVerifier(Provider, "1.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(PactPath)
            .WithProviderStateUrl(provider.ProviderStatesUri)
            .WithRequestTimeout(TimeSpan.FromSeconds(10));

        var result = await verifier.VerifyAsync();

        result.Output.Should().Contain("a request for a CFAR contract").And.Contain("a request for a session");
        using var report = JsonDocument.Parse(result.Json!);
        report.RootElement.GetProperty("result").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Verify_WhenProviderRenamesField_ThrowsNamingInteractionAndField()
    {
        await using var provider = await TestProvider.StartAsync(contractStatusField: "status");
        using var verifier = new PactVerifier(Provider, "1.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(PactPath)
            .WithProviderStateUrl(provider.ProviderStatesUri);

        var verify = () => verifier.Verify();

        var failure = verify.Should().Throw<PactFailureException>().Which;
        failure.Message.Should().Contain("a request for a CFAR contract").And.Contain("missing the following keys: contract_status");
        failure.Result!.Json.Should().NotBeNull();
    }

    [Fact]
    public async Task Verify_WithProviderStateUrl_SendsStateAndParams()
    {
        await using var provider = await TestProvider.StartAsync();
        using var verifier = new PactVerifier(Provider, "1.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(PactPath)
            .WithProviderStateUrl(provider.ProviderStatesUri);

        verifier.Verify();

        var setup = provider.StateCalls.Where(call => call.TryGetProperty("state", out var state) && state.GetString() == "a confirmed CFAR contract exists").ToList();
        setup.Should().NotBeEmpty();
        setup[0].GetProperty("params").GetProperty("id").GetString().Should().Be("c-7");
        setup[0].GetProperty("params").GetProperty("premium").GetDouble().Should().Be(40.8);
        setup[0].GetProperty("action").GetString().Should().Be("setup");
    }

    [Fact]
    public async Task Verify_WithFilter_RunsOnlyMatchingInteractions()
    {
        await using var provider = await TestProvider.StartAsync(contractStatusField: "status");
        using var verifier = new PactVerifier(Provider, "1.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithDirectorySource(new DirectoryInfo(_pacts.Path))
            .WithProviderStateUrl(provider.ProviderStatesUri)
            .WithFilter(description: "a request for a session");

        // The contract interaction would fail against this provider; filtered out, the run passes.
        var result = verifier.Verify();

        result.Output.Should().Contain("a request for a session").And.NotContain("a request for a CFAR contract");
        provider.StateCalls.Should().NotContain(call => call.ToString().Contains("a confirmed CFAR contract exists"));
    }

    [Fact]
    public void Verify_WithoutSource_ThrowsClearError()
    {
        using var verifier = new PactVerifier(Provider, "1.0.0").WithHttpEndpoint(new Uri("http://127.0.0.1:9/"));

        var verify = () => verifier.Verify();

        verify.Should().Throw<InvalidOperationException>().WithMessage("*pact source*");
    }

    [Fact]
    public void WithPactBrokerSource_WithInvalidSelector_ThrowsNamingIt()
    {
        using var verifier = new PactVerifier(Provider, "1.0.0");

        var configure = () => verifier.WithPactBrokerSource(new Uri("http://127.0.0.1:9292"), options => options.ConsumerVersionSelectors("{mainBranch: true"));

        configure.Should().Throw<ArgumentException>().WithMessage("*{mainBranch: true*");
    }
}
