using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Harness.Load.Engine;
using Microsoft.Extensions.Configuration;

namespace Harness.Load;

/// <summary>
/// Test-only: every whole iteration's raw latency (corrected and service, µs), written to a file when the run ends, one
/// <c>corrected_us service_us</c> line each — the ground truth the distributed proof checks merged percentiles against.
/// It keeps one entry per iteration (memory grows with the run) and sees warm-up iterations too, so it is for short runs
/// with <c>--warmup 0s</c>; the CLI's hidden <c>--dump-samples &lt;file&gt;</c> adds it.
/// </summary>
internal sealed class RawSamplesSink(string path) : IReportingSink, IMeasurementObserver
{
    private readonly ConcurrentQueue<(long Corrected, long Service)> _samples = new();

    public string SinkName => "raw-samples";

    public IReadOnlyCollection<(long Corrected, long Service)> Samples => _samples;

    public void Observe(in Measurement measurement)
    {
        if (measurement.Step is null)
            _samples.Enqueue((Micros(measurement.LatencyMs), Micros(measurement.ServiceTimeMs)));
    }

    public Task Init(IBaseContext context, IConfiguration infraConfig) => Task.CompletedTask;

    public Task Start(SessionStartInfo sessionInfo) => Task.CompletedTask;

    public Task SaveRealtimeStats(ScenarioStats[] stats) => Task.CompletedTask;

    public async Task SaveFinalStats(NodeStats stats)
    {
        var text = new StringBuilder();
        foreach (var (corrected, service) in _samples)
            text.Append(CultureInfo.InvariantCulture, $"{corrected} {service}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text.ToString()).ConfigureAwait(false);
    }

    public Task Stop() => Task.CompletedTask;

    public void Dispose()
    {
    }

    /// <summary>Reads a file this sink wrote.</summary>
    public static IReadOnlyList<(long Corrected, long Service)> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var parts = l.Split(' ');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToArray();

    /// <summary>The engine hands milliseconds as µs / 1000.0; this is the µs back, exactly.</summary>
    private static long Micros(double ms) => (long)Math.Round(ms * 1000);
}
