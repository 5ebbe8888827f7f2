namespace Harness.Pact.Tests.Support;

/// <summary>A tiny provider on 127.0.0.1 (free port) answering one contract read, with a provider-state endpoint.</summary>
public sealed class TestProvider : IAsyncDisposable
{
    private WebApplication _app = null!;

    private TestProvider()
    {
    }

    public Uri BaseUri { get; private set; } = null!;

    public Uri ProviderStatesUri => new(BaseUri, "provider-states");

    /// <summary>Every provider-state call body, in order.</summary>
    public ConcurrentQueue<JsonElement> StateCalls { get; } = new();

    /// <summary>Every provider-state call made in query style, as "state=...&amp;action=...", in order.</summary>
    public ConcurrentQueue<string> StateQueries { get; } = new();

    /// <param name="contractStatusField">The name the contract's status goes under.</param>
    /// <param name="contractStatusValue">Its value ("confirmed" unless a test needs a drift, e.g. a number).</param>
    public static async Task<TestProvider> StartAsync(string contractStatusField = "contract_status", object? contractStatusValue = null)
    {
        var provider = new TestProvider();
        (provider._app, provider.BaseUri) = await LoopbackApp.StartAsync(app => Map(app, provider, contractStatusField, contractStatusValue ?? "confirmed"));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, TestProvider provider, string contractStatusField, object contractStatusValue)
    {
        app.MapPost("/provider-states", async (HttpRequest request) =>
        {
            if (request.QueryString.HasValue)
            {
                provider.StateQueries.Enqueue($"state={request.Query["state"]}&action={request.Query["action"]}");
            }
            else
            {
                provider.StateCalls.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            }

            return Results.Ok();
        });
        app.MapGet("/cfar_contracts/{id}", (string id) =>
            Results.Json(new Dictionary<string, object> { ["id"] = id, [contractStatusField] = contractStatusValue }));
        app.MapGet("/sessions/{id}", (string id) => Results.Json(new { id }));
    }
}
