using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Harness.Load;

/// <summary>
/// Appends one JSON object per line to a file: <c>{"type":"realtime","scenario":…}</c> for every scenario at every
/// reporting interval, then <c>{"type":"final",…}</c> per scenario. Plain files any tool can tail or load.
/// </summary>
public sealed class JsonLinesReportingSink(string path) : IReportingSink
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private StreamWriter? _writer;
    private TestInfo? _test;

    public string SinkName => "json-lines";

    public string Path { get; } = string.IsNullOrWhiteSpace(path) ? throw new ArgumentException("give the JSON-lines file's path", nameof(path)) : path;

    public Task Init(IBaseContext context, IConfiguration infraConfig)
    {
        ArgumentNullException.ThrowIfNull(context);
        _test = context.TestInfo;
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        _writer = new StreamWriter(Path, append: true) { AutoFlush = true };
        return Task.CompletedTask;
    }

    public Task Start(SessionStartInfo sessionInfo) =>
        WriteAsync(new { type = "start", session_id = _test?.SessionId, test_suite = _test?.TestSuite, test_name = _test?.TestName, at = DateTimeOffset.UtcNow, scenarios = sessionInfo?.Scenarios.Select(s => s.ScenarioName) });

    public async Task SaveRealtimeStats(ScenarioStats[] stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        foreach (var s in stats)
            await WriteAsync(Line("realtime", s)).ConfigureAwait(false);
    }

    public async Task SaveFinalStats(NodeStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        foreach (var s in stats.ScenarioStats)
            await WriteAsync(Line("final", s)).ConfigureAwait(false);
        await WriteAsync(new { type = "verdict", session_id = _test?.SessionId, verdict = stats.Verdict, exit_code = stats.ExitCode, thresholds = stats.Thresholds }).ConfigureAwait(false);
    }

    public Task Stop()
    {
        _writer?.Dispose();
        _writer = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _gate.Dispose();
    }

    private object Line(string type, ScenarioStats s) => new
    {
        type,
        session_id = _test?.SessionId,
        at = DateTimeOffset.UtcNow,
        scenario = s.ScenarioName,
        operation = s.CurrentOperation,
        duration_s = s.Duration.TotalSeconds,
        ok = s.AllOkCount,
        fail = s.AllFailCount,
        rps = s.Ok.Request.RPS + s.Fail.Request.RPS,
        latency_ms = new { p50 = s.Ok.Latency.Percent50, p95 = s.Ok.Latency.Percent95, p99 = s.Ok.Latency.Percent99, max = s.Ok.Latency.MaxMs },
        service_time_ms = new { p50 = s.Ok.ServiceTime.Percent50, p99 = s.Ok.ServiceTime.Percent99 },
        steps = s.StepStats.Select(x => new { step = x.StepName, ok = x.Ok.Request.Count, fail = x.Fail.Request.Count, p99_ms = x.Ok.Latency.Percent99 }),
    };

    private async Task WriteAsync(object line)
    {
        if (_writer is null)
            throw new InvalidOperationException("the JSON-lines sink was not initialised (the runner calls Init first)");
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(JsonSerializer.Serialize(line, Json)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
