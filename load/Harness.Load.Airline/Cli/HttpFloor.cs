using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Harness.Load.Profiles;
using Harness.Load.Reports;
using Harness.Load.Profiles.Airline;
using Harness.Load.Targets;

namespace Harness.Load.Cli;

/// <summary>
/// The bench's HttpClient floor (hidden command <c>bench-http-floor</c>): cfar_offer_fixed's step —
/// <see cref="CfarOfferFixedScenario.SendAsync"/>, on the same handler settings (<see cref="HttpTarget.CreateHandler"/>) —
/// run by N closed loops with nothing else: no scenario, no step records, no statistics, no reports. It measures what any generator built on .NET's HttpClient pays
/// per request on this machine, so load/bench/bench.sh can show how much of the gap to wrk is the engine's and how much is
/// the HTTP stack's. With <c>--raw</c>, the loops send the request prepared once as HTTP/1.1 bytes on
/// <see cref="PreparedHttpClient"/> (what cfar_offer_prepared sends through the engine), wrk's way of sending.
/// It prints its rate and its CPU time per request over the measured window (after the warm-up).
/// </summary>
internal static class HttpFloor
{
    /// <summary>The bearer token it sends; the bench script gets it from POST /auth and keeps it out of argv.</summary>
    public const string TokenVariable = "TOKEN";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var target = new Option<string>("--target") { Required = true };
        var concurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 64 };
        var duration = new Option<string>("--duration") { DefaultValueFactory = _ => "10s" };
        var warmup = new Option<string>("--warmup") { DefaultValueFactory = _ => "2s" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var raw = new Option<bool>("--raw") { Description = "The request prepared once (Http.Prepare) and sent by PreparedHttpClient instead of HttpClient" };
        var parsed = new RootCommand { target, concurrency, duration, warmup, seed, raw }.Parse(args);
        if (parsed.Errors.Count > 0)
            throw new ArgumentException($"bench-http-floor: {parsed.Errors[0].Message}");
        var baseUrl = TargetPolicy.ParseTarget(parsed.GetValue(target)!);
        if (!TargetPolicy.IsLoopback(baseUrl))
            throw new ArgumentException($"bench-http-floor sends to loopback targets only, not {baseUrl.Host}");
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token))
            throw new ArgumentException($"bench-http-floor needs a bearer token: set {TokenVariable} (from POST /auth; load/bench/bench.sh sets it)");
        var copies = parsed.GetValue(concurrency);
        if (copies < 1)
            throw new ArgumentException("bench-http-floor: --concurrency must be ≥ 1");
        var window = DurationText.Parse(parsed.GetValue(duration)!, "--duration");
        var warm = DurationText.Parse(parsed.GetValue(warmup)!, "--warmup");

        var body = System.Text.Encoding.UTF8.GetBytes(CfarOfferFixedScenario.Body(parsed.GetValue(seed)));
        var authorization = $"Bearer {token}";
        var settings = new HttpSettings { MaxConnectionsPerServer = copies };
        using var client = HttpTarget.CreateClient(baseUrl, settings);
        var offers = new Uri(AirlineSteps.AirlineBaseUrl(new ProfileContext(baseUrl, null, client, parsed.GetValue(seed))), "cfar_offers").ToString();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var isRaw = parsed.GetValue(raw);
        using var prepared = isRaw ? new PreparedHttpClient(new Uri(offers), copies) : null;
        var preparedRequest = isRaw ? CfarOfferFixedScenario.Prepare(offers, body, authorization) : null;
        long sent = 0, failed = 0;
        var loops = Enumerable.Range(0, copies).Select(_ => Task.Run(isRaw ? RawLoopAsync : LoopAsync)).ToArray();

        await Task.Delay(warm, cancellationToken).ConfigureAwait(false);
        var (sent0, failed0, cpu0) = (Interlocked.Read(ref sent), Interlocked.Read(ref failed), Process.GetCurrentProcess().TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        var (sent1, failed1, cpu1, elapsed) = (Interlocked.Read(ref sent), Interlocked.Read(ref failed), Process.GetCurrentProcess().TotalProcessorTime, clock.Elapsed);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);

        var requests = sent1 - sent0;
        var rate = requests / elapsed.TotalSeconds;
        var cpuPerRequest = requests == 0 ? double.NaN : (cpu1 - cpu0).TotalMicroseconds / requests;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(isRaw ? "raw" : "http")} floor: {rate:F0} req/s, {cpuPerRequest:F1} µs CPU per request, {failed1 - failed0} not 2xx, {copies} connections, {elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        if (requests == 0 || failed1 - failed0 == requests)
        {
            await stderr.WriteLineAsync("bench-http-floor: no request succeeded in the measured window").ConfigureAwait(false);
            return ExitCodes.SanityFailed;
        }

        return ExitCodes.Ok;

        async Task LoopAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var response = await CfarOfferFixedScenario.SendAsync(client, offers, body, authorization, stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref sent);
                    if (response.IsError)
                        Interlocked.Increment(ref failed);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        async Task RawLoopAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var answer = await prepared!.SendAsync(preparedRequest!, stop.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref sent);
                    if (!answer.IsSuccessStatusCode)
                        Interlocked.Increment(ref failed);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }
}
