using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Harness.Load.Tests.Support;

/// <summary>
/// A Kestrel host on 127.0.0.1:0 for the tests that run the library on the real clock and a real socket: GET /_admin/ping
/// answers <see cref="StatusCode"/> after <see cref="Latency"/>. (A stalling target is the engine tests' virtual one,
/// <see cref="VirtualTarget"/>, and load/bench/bench.sh's sandbox fault.)
/// </summary>
public sealed class TestTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> PingAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency); // the server's service time, not a test waiting for something
        return Results.Text("pong", statusCode: StatusCode);
    }
}
