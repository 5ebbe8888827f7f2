using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Harness.ApiFacts;
using Microsoft.AspNetCore.Http;

namespace Harness.Sandbox;

/// <summary>
/// <c>--bench-offers SECONDS</c> (run by <c>bench/offer-cpu.sh</c>): the offer path's own cost, with no sockets and no
/// load generator sharing the cores. One thread sends BENCH_BODY through the sandbox's full request pipeline
/// (routing, auth, parse, validation, pricing, the store, the answer) in process, first until the stores are full and
/// evict on every offer, as in a long load run, then for SECONDS while it counts. It prints the process's CPU time
/// per offer, the bytes allocated per offer and the collections per 1,000 offers. CPU per offer moves far less on a
/// busy machine than a rate over loopback, so two builds can be compared on it.
/// </summary>
internal static class OfferBench
{
    /// <summary>The shortest warm-up: long enough on 2 cores for tiered compilation to finish.</summary>
    public static readonly TimeSpan DefaultWarmUp = TimeSpan.FromSeconds(5);

    /// <summary>Runs the bench; <paramref name="body"/> is the offer request, <paramref name="warmUp"/> the least warm-up.</summary>
    public static async Task<int> RunAsync(SandboxOptions options, string body, TimeSpan warmUp, TimeSpan measured, TextWriter output, TextWriter error)
    {
        options.Quiet = true;
        options.Port = 0;
        await using var host = await SandboxHost.StartAsync(options);
        var pipeline = host.BuildPipeline();
        var client = options.Clients[0];
        var (status, answer) = await SendAsync(pipeline, host, AirlineOperations.PostAuth, null, JsonSerializer.SerializeToUtf8Bytes(new { client_id = client.ClientId, client_secret = client.ClientSecret }), keepAnswer: true);
        if (status / 100 != 2)
        {
            await error.WriteLineAsync($"The sandbox refused its own client ({status}).");
            return 1;
        }

        var token = JsonDocument.Parse(answer).RootElement.GetProperty("access_token").GetString()!;
        var offer = Encoding.UTF8.GetBytes(body);
        (status, answer) = await SendAsync(pipeline, host, AirlineOperations.PostCfarOffers, token, offer, keepAnswer: true);
        if (status / 100 != 2)
        {
            await error.WriteLineAsync($"The offer body was refused ({status}): {Encoding.UTF8.GetString(answer)}");
            return 1;
        }

        // The steady state: compiled, and the stores full, so that every offer also evicts one.
        var warming = Stopwatch.StartNew();
        var warmed = 0L;
        while (warming.Elapsed < warmUp || warmed < options.MaxEntities + (options.MaxEntities / 5))
        {
            await SendAsync(pipeline, host, AirlineOperations.PostCfarOffers, token, offer, keepAnswer: false);
            warmed++;
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var paused = GC.GetTotalPauseDuration();
        var faults = MinorFaults();
        var clock = Stopwatch.StartNew();
        var offers = 0L;
        while (clock.Elapsed < measured)
        {
            await SendAsync(pipeline, host, AirlineOperations.PostCfarOffers, token, offer, keepAnswer: false);
            offers++;
        }

        process.Refresh();
        var perThousand = (int generation) => (GC.CollectionCount(generation) - collections[generation]) * 1000.0 / offers;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"in-process offers: {offers} in {clock.Elapsed.TotalSeconds:0.0} s after {warmed} to warm up | {(process.TotalProcessorTime - cpu).TotalMicroseconds / offers:0.0} us CPU/offer | {(GC.GetTotalAllocatedBytes() - allocated) / (double)offers:0} B allocated/offer | collections per 1,000 offers: gen0 {perThousand(0):0.00}, gen1 {perThousand(1):0.00}, gen2 {perThousand(2):0.000} | GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds * 1000 / offers:0.0} us/offer{(faults is null ? "" : $" | page faults {(MinorFaults() - faults) / (double)offers:0.00}/offer")}"));
        return 0;
    }

    /// <summary>
    /// The process's minor page faults so far (Linux, /proc/self/stat), or null elsewhere: each is a fresh page the kernel
    /// zeroes, which is what memory the collector gave back and takes again costs.
    /// </summary>
    private static long? MinorFaults()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields after the command name, which is in parentheses and may hold spaces: state is the 3rd field, minflt the 10th.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static async Task<(int Status, byte[] Answer)> SendAsync(RequestDelegate pipeline, SandboxHost host, AirlineOperation operation, string? token, byte[] json, bool keepAnswer)
    {
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = SandboxEndpoints.AirlineBasePath + operation.PathTemplate;
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = json.Length;
        http.Request.Body = new MemoryStream(json, writable: false);
        if (token is not null)
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }

        var answer = keepAnswer ? new MemoryStream() : null;
        http.Response.Body = answer ?? Stream.Null;
        await pipeline(http);
        await http.Response.CompleteAsync(); // as Kestrel does: flushes what was written to the body's pipe
        return (http.Response.StatusCode, answer?.ToArray() ?? []);
    }
}
