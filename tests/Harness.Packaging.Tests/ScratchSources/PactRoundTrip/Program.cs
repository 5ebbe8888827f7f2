// A partner's program, built outside the Harness solution against the packed Harness.Pact package only (restored by
// name and version): a consumer test that writes a pact through the mock server, then the provider verification of that
// pact against a tiny provider on 127.0.0.1, then the same pact against a provider that breaks it, which must fail.
// Prints one line per step; any failure exits non-zero. Argument: the folder to write the pact to.
// Run without PACT_DO_NOT_TRACK, it shows the package sets the variable itself before the engine loads.
using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Harness.Pact;
using Harness.Pact.Matchers;
using Harness.Pact.Exceptions;
using Harness.Pact.Verifier;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Read before any Harness.Pact code runs: its module initializer runs when the first of its methods is called.
var trackingBefore = Environment.GetEnvironmentVariable("PACT_DO_NOT_TRACK") ?? "<unset>";
var pactDir = args.Length == 1 ? args[0] : throw new ArgumentException("usage: PactRoundTrip <pact folder>");
await RoundTrip.RunAsync(pactDir);
var trackingAfter = OperatingSystem.IsWindows()
    ? Environment.GetEnvironmentVariable("PACT_DO_NOT_TRACK")
    : Marshal.PtrToStringUTF8(NativeEnvironment.GetEnv("PACT_DO_NOT_TRACK"));
Console.WriteLine($"PACT_DO_NOT_TRACK before Harness.Pact: {trackingBefore}; in the C library's environment after: {trackingAfter ?? "<unset>"}");

internal static class RoundTrip
{
    private const string Consumer = "RoundTripConsumer";
    private const string Provider = "RoundTripProvider";

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task RunAsync(string pactDir)
    {
        // ---- consumer ----
        using (var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = pactDir }))
        {
            pact.UponReceiving("a request for order 1")
                .Given("order 1 exists")
                .WithRequest(HttpMethod.Get, "/orders/1")
                .WithHeader("Accept", "application/json")
                .WillRespond()
                .WithStatus(HttpStatusCode.OK)
                .WithJsonBody(new { id = Match.Integer(1), status = Match.Regex("shipped", "^(pending|shipped|delivered)$") });

            await pact.VerifyAsync(async context =>
            {
                using var http = new HttpClient { BaseAddress = context.MockServerUri };
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                using var order = JsonDocument.Parse(await http.GetStringAsync(new Uri("orders/1", UriKind.Relative)));
                if (order.RootElement.GetProperty("id").GetInt32() != 1)
                {
                    throw new InvalidOperationException($"The mock server answered {order.RootElement}.");
                }
            });
        }

        var pactFile = new FileInfo(Path.Combine(pactDir, $"{Consumer}-{Provider}.json"));
        Console.WriteLine($"consumer: wrote {pactFile.FullName} ({pactFile.Length} bytes)");

        // ---- provider ----
        var states = new ConcurrentQueue<string>();
        await using (var good = await StartProviderAsync("delivered", states))
        {
            using var verifier = new PactVerifier(Provider, "1.0.0")
                .WithHttpEndpoint(good.Uri)
                .WithProviderStateUrl(new Uri(good.Uri, "provider-states"))
                .WithFileSource(pactFile);
            await verifier.VerifyAsync();
            if (!states.Contains("order 1 exists"))
            {
                throw new InvalidOperationException($"The verifier never set up the provider state; it sent: {string.Join(", ", states)}.");
            }

            Console.WriteLine("provider: verified against a provider that honours the pact");
        }

        await using (var broken = await StartProviderAsync("lost", states))
        {
            using var verifier = new PactVerifier(Provider, "1.0.0")
                .WithHttpEndpoint(broken.Uri)
                .WithProviderStateUrl(new Uri(broken.Uri, "provider-states"))
                .WithFileSource(pactFile);
            try
            {
                await verifier.VerifyAsync();
                throw new InvalidOperationException("The verifier passed a provider that answers status 'lost'.");
            }
            catch (PactFailureException failure) when (failure.Message.Contains("lost", StringComparison.Ordinal))
            {
                Console.WriteLine("provider: a provider that breaks the pact fails verification, naming the mismatch");
            }
        }
    }

    private static async Task<RunningProvider> StartProviderAsync(string status, ConcurrentQueue<string> states)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/provider-states", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.TryGetProperty("state", out var state) && state.GetString() is { Length: > 0 } name)
            {
                states.Enqueue(name);
            }

            return Results.Ok();
        });
        app.MapGet("/orders/{id:int}", (int id) => Results.Json(new { id, status }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new RunningProvider(app, new Uri(address + "/"));
    }
}

internal sealed record RunningProvider(WebApplication App, Uri Uri) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal static class NativeEnvironment
{
    [DllImport("libc", EntryPoint = "getenv")]
    internal static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
