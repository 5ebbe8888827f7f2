namespace Harness.Client.Tests.DependencyInjection;

/// <summary><c>services.AddAirlineApiClient(configuration)</c> on a generic host, against the canned Airline server.</summary>
public sealed class AddAirlineApiClientTests : CannedServerTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harness-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AddAirlineApiClient_FromHostConfiguration_HandsOutTheInterfaceOnTheConfiguredTarget()
    {
        using var host = Host(
            """{ "Harness": { "ClientId": "file-id", "ClientSecret": "file-secret" } }""",
            ("HARNESS_TARGET_URL", Server.BaseUrl.AbsoluteUri), ("HARNESS_CLIENT_ID", "env-id"));

        var client = host.Services.GetRequiredService<IAirlineApiClient>();
        await client.GetCfarContractAsync("c-1");

        client.Should().BeOfType<AirlineApiClient>();
        host.Services.GetService<AirlineApiClient>().Should().BeNull("the container hands out the interface, not the class");
        var auth = JsonNode.Parse(Server.Requests.Single(r => r.OperationId == "postAuth").Body)!;
        auth["client_id"]!.GetValue<string>().Should().Be("env-id", "a HARNESS_* key overrides the Harness section");
        auth["client_secret"]!.GetValue<string>().Should().Be("file-secret");
        Server.Requests.Should().Contain(r => r.OperationId == "getCfar_contractsId");
    }

    [Fact]
    public async Task ResolvedClients_ShareOneTokenAndOneHandlerPipeline()
    {
        var pipelinesBuilt = 0;
        var sent = 0;
        using var host = Host(
            builder: services => services.AddAirlineApiClient(TestConfiguration.With(("HARNESS_TARGET_URL", Server.BaseUrl.AbsoluteUri), ("HARNESS_CLIENT_ID", "id"), ("HARNESS_CLIENT_SECRET", "secret")))
                .AddHttpMessageHandler(() =>
                {
                    Interlocked.Increment(ref pipelinesBuilt);
                    return new CountingHandler(() => Interlocked.Increment(ref sent));
                }));

        var clients = Enumerable.Range(0, 5).Select(_ => host.Services.GetRequiredService<IAirlineApiClient>()).ToList();
        await Task.WhenAll(clients.SelectMany(client => Enumerable.Range(0, 10).Select(_ => client.GetCfarContractAsync("c-1"))));

        clients.Distinct().Should().HaveCount(5, "typed clients are transient");
        Server.AuthCalls.Should().Be(1, "every client of the registration shares one token");
        pipelinesBuilt.Should().Be(1, "every client of the registration runs on one handler pipeline");
        sent.Should().Be(51);
    }

    [Fact]
    public async Task AddAirlineApiClient_WithoutTarget_UsesTheSandboxUrlAndItsPublicCredentials()
    {
        using var host = Host(builder: services => services.AddAirlineApiClient(TestConfiguration.With(), sandboxBaseUrl: Server.BaseUrl));

        await host.Services.GetRequiredService<IAirlineApiClient>().AuthenticateAsync();

        var auth = JsonNode.Parse(Server.Requests.Single(r => r.OperationId == "postAuth").Body)!;
        auth["client_id"]!.GetValue<string>().Should().Be(Harness.Client.Configuration.HarnessSettings.SandboxClientId);
    }

    [Theory]
    [InlineData("HARNESS_CLIENT_ID", "HARNESS_CLIENT_SECRET")]
    [InlineData("HARNESS_CLIENT_SECRET", "HARNESS_CLIENT_ID")]
    public void AddAirlineApiClient_RealTargetWithoutACredential_ThrowsNamingTheVariable(string present, string missing)
    {
        var configuration = TestConfiguration.With(("HARNESS_TARGET_URL", "https://airline.example/airline/v1.1/"), (present, "value"));

        var act = () => new ServiceCollection().AddAirlineApiClient(configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage($"{missing} is not set*");
    }

    [Fact]
    public void AddAirlineApiClient_WithoutTargetOrSandboxUrl_ThrowsNamingTheTargetVariable()
    {
        var act = () => new ServiceCollection().AddAirlineApiClient(TestConfiguration.With());

        act.Should().Throw<InvalidOperationException>().WithMessage("HARNESS_TARGET_URL is not set*");
    }

    [Fact]
    public void AddAirlineApiClient_WithAHandlerInTheOptions_ThrowsPointingAtTheBuilder()
    {
        using var handler = new HttpClientHandler();
        var options = new AirlineApiOptions { BaseUrl = Server.BaseUrl, ClientId = "id", ClientSecret = "secret", HttpMessageHandler = handler };

        var act = () => new ServiceCollection().AddAirlineApiClient(options);

        act.Should().Throw<ArgumentException>().WithMessage("*AddHttpMessageHandler*");
    }

    /// <summary>A generic host whose configuration is an appsettings.json file and, over it, HARNESS_* keys at the root.</summary>
    private IHost Host(string? appsettings = null, params (string Key, string Value)[] variables) =>
        Host(appsettings, variables, builder: null);

    private IHost Host(Action<IServiceCollection> builder) => Host(null, [], builder);

    private IHost Host(string? appsettings, (string Key, string Value)[] variables, Action<IServiceCollection>? builder)
    {
        var hostBuilder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (appsettings is not null)
        {
            File.WriteAllText(Path.Combine(_directory, "appsettings.json"), appsettings);
            hostBuilder.Configuration.AddJsonFile(Path.Combine(_directory, "appsettings.json"));
        }

        // What the default host's AddEnvironmentVariables() puts at the root, without touching this process's environment.
        hostBuilder.Configuration.AddInMemoryCollection(TestConfiguration.AsPairs(variables));
        if (builder is null)
        {
            hostBuilder.Services.AddAirlineApiClient(hostBuilder.Configuration);
        }
        else
        {
            builder(hostBuilder.Services);
        }

        return hostBuilder.Build();
    }
}
