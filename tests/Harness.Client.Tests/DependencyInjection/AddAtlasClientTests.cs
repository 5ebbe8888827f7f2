using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Harness.Client.Tests.DependencyInjection;

/// <summary><c>services.AddAtlasClient(configuration)</c> on a generic host, against a loopback Atlas stand-in.</summary>
public sealed class AddAtlasClientTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Dictionary<string, string>> _received = new();
    private WebApplication _atlas = null!;
    private Uri _atlasUrl = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _atlas = builder.Build();
        _atlas.MapPost("/atlas/event/getPageList.do", (HttpContext context) =>
        {
            _received.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            return Results.Text("""{"status":0,"msg":"success","total":0,"records":[]}""", "application/json");
        });
        await _atlas.StartAsync();
        _atlasUrl = new Uri(_atlas.Urls.Single().TrimEnd('/') + "/atlas/");
    }

    public async Task DisposeAsync() => await _atlas.DisposeAsync();

    [Fact]
    public async Task AddAtlasClient_FromHostConfiguration_HandsOutTheInterfaceWithTheConfiguredCredentials()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Harness:AtlasUrl"] = _atlasUrl.AbsoluteUri,
            ["Harness:AtlasClientId"] = "file-client",
            ["HARNESS_ATLAS_CLIENT_ID"] = "env-client",
            ["HARNESS_ATLAS_CLIENT_SECRET"] = "env-secret",
        });
        builder.Services.AddAtlasClient(builder.Configuration);
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IAtlasClient>();
        var page = await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10 });

        client.Should().BeOfType<AtlasClient>();
        host.Services.GetService<AtlasClient>().Should().BeNull();
        page.Records.Should().BeEmpty();
        var headers = _received.Should().ContainSingle().Subject;
        headers[AtlasClient.ClientIdHeader].Should().Be("env-client", "a HARNESS_* key overrides the Harness section");
        headers[AtlasClient.ClientSecretHeader].Should().Be("env-secret");
    }

    [Fact]
    public async Task ResolvedAtlasClients_ShareOneHandlerPipeline()
    {
        var pipelinesBuilt = 0;
        var sent = 0;
        var services = new ServiceCollection();
        services.AddAtlasClient(TestConfiguration.With(("HARNESS_ATLAS_URL", _atlasUrl.AbsoluteUri), ("HARNESS_ATLAS_CLIENT_ID", "id"), ("HARNESS_ATLAS_CLIENT_SECRET", "secret")))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref pipelinesBuilt);
                return new CountingHandler(() => Interlocked.Increment(ref sent));
            });
        await using var provider = services.BuildServiceProvider();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => provider.GetRequiredService<IAtlasClient>().GetIncidentPageAsync(new IncidentListQuery { PageSize = 5 })));

        pipelinesBuilt.Should().Be(1);
        sent.Should().Be(4);
        _received.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("HARNESS_ATLAS_URL")]
    [InlineData("HARNESS_ATLAS_CLIENT_ID")]
    [InlineData("HARNESS_ATLAS_CLIENT_SECRET")]
    public void AddAtlasClient_WithoutAVariable_ThrowsNamingIt(string missing)
    {
        var all = new[] { ("HARNESS_ATLAS_URL", "https://atlas.example/"), ("HARNESS_ATLAS_CLIENT_ID", "id"), ("HARNESS_ATLAS_CLIENT_SECRET", "secret") };
        var configuration = TestConfiguration.With(all.Where(v => v.Item1 != missing).ToArray());

        var act = () => new ServiceCollection().AddAtlasClient(configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage($"{missing} is not set*");
    }
}
