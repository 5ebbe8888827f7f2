using Harness.Spec.Testing;

namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// A tiny provider on 127.0.0.1 that satisfies <see cref="SamplePact"/>, or, when <c>breaksContract</c> is set,
/// answers the CFAR contract with "state" where the pact expects "status" so verification fails.
/// </summary>
public sealed class ToyProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ToyProvider(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<ToyProvider> StartAsync(bool breaksContract = false)
    {
        var (app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapGet("/status", () => Results.Json(new { status = "ok" }));
            app.MapGet("/cfar_contracts/{id}", (string id) => breaksContract
                ? Results.Json(new { id, state = "confirmed" })
                : Results.Json(new { id, status = "confirmed" }));
        });
        return new ToyProvider(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
