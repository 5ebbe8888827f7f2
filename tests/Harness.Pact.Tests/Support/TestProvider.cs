using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harness.Pact.Tests.Support;

/// <summary>A tiny provider on 127.0.0.1 (free port) answering one contract read, with a provider-state endpoint.</summary>
public sealed class TestProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestProvider(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri ProviderStatesUri => new(BaseUri, "provider-states");

    /// <summary>Every provider-state call body, in order.</summary>
    public ConcurrentQueue<JsonElement> StateCalls { get; } = new();

    /// <param name="contractStatusField">The name the contract's status goes under.</param>
    /// <param name="contractStatusValue">Its value ("confirmed" unless a test needs a drift, e.g. a number).</param>
    public static async Task<TestProvider> StartAsync(string contractStatusField = "contract_status", object? contractStatusValue = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestProvider(app);

        app.MapPost("/provider-states", async (HttpRequest request) =>
        {
            provider.StateCalls.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Ok();
        });
        app.MapGet("/cfar_contracts/{id}", (string id) =>
            Results.Json(new Dictionary<string, object> { ["id"] = id, [contractStatusField] = contractStatusValue ?? "confirmed" }));
        app.MapGet("/sessions/{id}", (string id) => Results.Json(new { id }));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        provider.BaseUri = new Uri(address + "/");
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
