using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harness.Load.Cli;

/// <summary>
/// The hidden `serve-echo` verb: GET /_admin/ping on 127.0.0.1, optionally after a fixed latency. A bench target until
/// the sandbox is wired in; it stops by itself after --for.
/// </summary>
internal static class EchoServer
{
    public static async Task<int> ServeAsync(int port, TimeSpan latency, TimeSpan lifetime, TextWriter log, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapGet("/_admin/ping", async (CancellationToken ct) =>
        {
            if (latency > TimeSpan.Zero)
                await Task.Delay(latency, ct).ConfigureAwait(false);
            return Results.Text("pong");
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await log.WriteLineAsync($"serving GET http://127.0.0.1:{port}/_admin/ping for {DurationText.Format(lifetime)}; Ctrl-C stops").ConfigureAwait(false);
        try
        {
            await Task.Delay(lifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C: stop serving.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
