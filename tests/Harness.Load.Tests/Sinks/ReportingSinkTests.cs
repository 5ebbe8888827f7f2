using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Harness.Load.Tests.Sinks;

/// <summary>The live sinks: System.Diagnostics.Metrics (read through OpenTelemetry's in-memory exporter) and JSON lines.</summary>
public sealed class ReportingSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-sinks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MetricsSink_PublishesRequestCountsAndLatencyHistogramsToOpenTelemetry()
    {
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MetricsReportingSink.MeterName)
            .AddInMemoryExporter(exported)
            .Build();
        using var sink = new MetricsReportingSink();

        LoadRunner.RegisterScenarios(Build("metrics_scenario", fails: 1)).Quiet().WithReportingSinks(sink).Run();
        meters.ForceFlush();

        var requests = Points(exported, "harness.load.requests");
        requests.Where(p => p.Tags["step"] == "iteration").Sum(p => p.Sum).Should().Be(30);
        requests.Where(p => p.Tags["step"] == "login" && p.Tags["outcome"] == "ok" && p.Tags["status"] == "200").Sum(p => p.Sum).Should().Be(27);
        requests.Where(p => p.Tags["step"] == "login" && p.Tags["outcome"] == "fail" && p.Tags["status"] == "500").Sum(p => p.Sum).Should().Be(3);
        requests.Should().OnlyContain(p => p.Tags["scenario"] == "metrics_scenario");
        var latency = Points(exported, "harness.load.latency");
        latency.Where(p => p.Tags["step"] == "login").Sum(p => p.Count).Should().Be(30);
        latency.Where(p => p.Tags["step"] == "login").Sum(p => p.Sum).Should().BeGreaterThan(0, "latencies in ms were recorded");
        Points(exported, "harness.load.service_time").Where(p => p.Tags["step"] == "iteration").Sum(p => p.Count).Should().Be(30);
    }

    [Fact]
    public async Task JsonLinesSink_WritesStartRealtimeFinalAndVerdictLines()
    {
        var path = Path.Combine(_dir, "live", "stats.jsonl");
        using var sink = new JsonLinesReportingSink(path);

        await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(Build("jsonl_scenario", fails: 0, seconds: 1)).Quiet()
            .WithReportingInterval(TimeSpan.FromMilliseconds(200)).WithReportingSinks(sink));

        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines[0].GetProperty("type").GetString().Should().Be("start");
        lines[0].GetProperty("scenarios")[0].GetString().Should().Be("jsonl_scenario");
        lines.Count(l => l.GetProperty("type").GetString() == "realtime").Should().BeGreaterThanOrEqualTo(2);
        var final = lines.Single(l => l.GetProperty("type").GetString() == "final");
        final.GetProperty("scenario").GetString().Should().Be("jsonl_scenario");
        final.GetProperty("ok").GetInt32().Should().Be(30);
        final.GetProperty("steps")[0].GetProperty("step").GetString().Should().Be("login");
        lines[^1].GetProperty("type").GetString().Should().Be("verdict");
        lines[^1].GetProperty("verdict").GetString().Should().Be("pass");
        var realtimeOk = lines.Where(l => l.GetProperty("type").GetString() == "realtime").Select(l => l.GetProperty("ok").GetInt32()).ToList();
        realtimeOk.Should().Equal([6, 12, 18, 24], "30 arrivals a second, one every 1/30 s from 0, counted every 0.2 s of virtual time until the last at 29/30 s");
    }

    private static ScenarioProps Build(string name, int fails, int seconds = 0) =>
        Scenario.Create(name, async context =>
        {
            var failing = context.InvocationNumber % 10 == 0 && fails > 0;
            await Step.Run("login", context, () => Task.FromResult(failing ? Response.Fail(statusCode: "500") : Response.Ok(statusCode: "200")));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(seconds > 0
            ? Simulation.Inject(rate: 30, interval: TimeSpan.FromSeconds(seconds), during: TimeSpan.FromSeconds(seconds))
            : Simulation.IterationsForInject(rate: 300, interval: TimeSpan.FromSeconds(1), iterations: 30));

    private static List<(Dictionary<string, string> Tags, double Sum, long Count)> Points(List<Metric> metrics, string name)
    {
        var points = new List<(Dictionary<string, string>, double, long)>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string>();
                foreach (var tag in point.Tags)
                    tags[tag.Key] = tag.Value?.ToString() ?? "";
                var histogram = metric.MetricType == MetricType.Histogram;
                points.Add((tags, histogram ? point.GetHistogramSum() : point.GetSumLong(), histogram ? point.GetHistogramCount() : 0));
            }
        }

        return points;
    }
}
