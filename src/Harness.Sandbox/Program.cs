using System.Runtime.InteropServices;
using Harness.Sandbox;

// dotnet run --project src/Harness.Sandbox [--urls http://127.0.0.1:5180 | --port 5180] [--no-admin] [--quiet] [--clock 2030-01-01T00:00:00Z]
//   [--token-lifetime SECONDS]
//   --bench-offers SECONDS: the offer path's CPU per offer in process, no sockets (bench/offer-cpu.sh runs it)
// HARNESS_SANDBOX_URL and HARNESS_SANDBOX_TOKEN_LIFETIME set the URL and the token lifetime too; the command line wins.
var url = Environment.GetEnvironmentVariable("HARNESS_SANDBOX_URL") ?? "http://127.0.0.1:5180";
var options = new SandboxOptions { EnableAdmin = true, EnableProviderStates = true };
if (Environment.GetEnvironmentVariable("HARNESS_SANDBOX_TOKEN_LIFETIME") is { Length: > 0 } lifetimeVariable
    && !TrySetTokenLifetime(lifetimeVariable, "HARNESS_SANDBOX_TOKEN_LIFETIME"))
{
    return 2;
}

for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" or "--url" when i + 1 < args.Length:
            url = args[++i];
            break;
        case "--port" when i + 1 < args.Length:
            url = $"http://127.0.0.1:{args[++i]}";
            break;
        case "--no-admin":
            options.EnableAdmin = false;
            options.EnableProviderStates = false;
            break;
        case "--quiet":
            options.Quiet = true;
            break;
        case "--clock" when i + 1 < args.Length:
            // Start the sandbox's clock at this instant (it then runs at the real pace): pact verification runs the
            // sandbox at the date the pacts were written for.
            if (!DateTimeOffset.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var clockStart))
            {
                await Console.Error.WriteLineAsync($"--clock takes an ISO 8601 instant such as 2030-01-01T00:00:00Z, not '{args[i]}'.");
                return 2;
            }

            options.Clock = new SandboxClock(clockStart);
            break;
        case "--token-lifetime" when i + 1 < args.Length:
            if (!TrySetTokenLifetime(args[++i], "--token-lifetime"))
            {
                return 2;
            }

            break;
        case "--bench-offers" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out var benchSeconds) || benchSeconds < 1)
            {
                await Console.Error.WriteLineAsync($"--bench-offers takes the seconds to measure, such as 10, not '{args[i]}'.");
                return 2;
            }

            if (Environment.GetEnvironmentVariable("BENCH_BODY") is not { Length: > 0 } benchBody)
            {
                await Console.Error.WriteLineAsync("--bench-offers sends the offer body in BENCH_BODY; set it, or run src/Harness.Sandbox/bench/offer-cpu.sh, which does.");
                return 2;
            }

            return await OfferBench.RunAsync(options, benchBody, OfferBench.DefaultWarmUp, TimeSpan.FromSeconds(benchSeconds), Console.Out, Console.Error);
        default:
            await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Use --urls URL, --port N, --no-admin, --quiet, --clock INSTANT, --token-lifetime SECONDS, --bench-offers SECONDS.");
            return 2;
    }
}

if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
{
    await Console.Error.WriteLineAsync($"The sandbox URL must be an absolute http URL such as http://127.0.0.1:5180, not '{url}'.");
    return 2;
}

options.Host = uri.Host == "localhost" ? "127.0.0.1" : uri.Host;
options.Port = uri.Port;
await using var host = await SandboxHost.StartAsync(options);
Console.WriteLine($"Harness sandbox listening on {host.BaseUrl}");
Console.WriteLine($"Airline API v1.1: {host.AirlineBaseUrl}");
foreach (var client in options.Clients)
{
    // The sandbox's own fixed test credentials, printed so a developer can call it by hand.
    Console.WriteLine($"Accepted client: client_id={client.ClientId} client_secret={client.ClientSecret} products={string.Join(',', client.Products)}");
}

Console.WriteLine($"Declined payment token: {AirlineSandbox.DeclinePaymentToken}. Tokens last {(int)options.TokenLifetime.TotalSeconds} s (expires_in).");
Console.WriteLine($"Atlas notifications API: {host.AtlasBaseUrl}");
foreach (var client in options.Atlas.Clients)
{
    // Local test values that guard nothing, printed for the same reason as the airline client above.
    Console.WriteLine($"Accepted Atlas client: x-atlas-client-id={client.ClientId} x-atlas-client-secret={client.ClientSecret} clientCode={client.ClientCode}");
}

Console.WriteLine("Press Ctrl+C to stop.");
using var stop = new CancellationTokenSource();
// Ctrl+C and kill (SIGTERM) both stop the sandbox cleanly; without these registrations SIGTERM would be ignored.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}

return 0;

// The token lifetime in whole seconds (expires_in), 1 to int32 max.
bool TrySetTokenLifetime(string text, string source)
{
    if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
    {
        Console.Error.WriteLine($"{source} takes the token lifetime in whole seconds (1 to {int.MaxValue}), such as 86400, not '{text}'.");
        return false;
    }

    options.TokenLifetime = TimeSpan.FromSeconds(seconds);
    return true;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
