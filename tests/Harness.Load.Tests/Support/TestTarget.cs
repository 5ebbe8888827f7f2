using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harness.Load.Tests.Support;

/// <summary>
/// A Kestrel host on 127.0.0.1:0 for engine tests: GET /_admin/ping answers 200 after the configured latency, and
/// <see cref="Stall"/> holds every request that arrives (or is being served) until the stall ends.
/// </summary>
public sealed class TestTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private TaskCompletionSource _released = CompletedSource();
    private long _requests;

    private TestTarget(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Status code /_admin/ping answers with.</summary>
    public int StatusCode { get; set; } = 200;

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<TestTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new TestTarget(app);
        app.MapGet("/_admin/ping", (Func<HttpContext, Task<IResult>>)target.PingAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        target.BaseUrl = new Uri(address);
        return target;
    }

    /// <summary>Stalls every request for <paramref name="duration"/> from now, in the background.</summary>
    public void Stall(TimeSpan duration)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _released = gate;
        _ = Task.Delay(duration).ContinueWith(_ => gate.TrySetResult(), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> PingAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        await _released.Task;
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency);
        return Results.Text("pong", statusCode: StatusCode);
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }
}
