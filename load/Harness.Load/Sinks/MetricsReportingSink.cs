using System.Diagnostics;
using System.Diagnostics.Metrics;
using Harness.Load.Engine;
using Microsoft.Extensions.Configuration;

namespace Harness.Load;

/// <summary>
/// Publishes the run live through <see cref="System.Diagnostics.Metrics"/> (meter <c>Harness.Load</c>), so
/// OpenTelemetry, Prometheus or Grafana see it as it happens: the counter <c>harness.load.requests</c> and the histograms
/// <c>harness.load.latency</c> (corrected, ms) and <c>harness.load.service_time</c> (ms), tagged with <c>scenario</c>,
/// <c>step</c> (<c>iteration</c> for whole iterations), <c>status</c> and <c>outcome</c> (ok/fail). Subscribe with
/// <c>AddMeter("Harness.Load")</c>.
/// </summary>
public sealed class MetricsReportingSink : IReportingSink, IMeasurementObserver
{
    public const string MeterName = "Harness.Load";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _service;

    public MetricsReportingSink()
    {
        _meter = new Meter(MeterName, typeof(MetricsReportingSink).Assembly.GetName().Version?.ToString());
        _requests = _meter.CreateCounter<long>("harness.load.requests", "{request}", "Steps and iterations completed, by scenario, step, status and outcome.");
        _latency = _meter.CreateHistogram<double>("harness.load.latency", "ms", "Latency from the intended start (coordinated-omission corrected).");
        _service = _meter.CreateHistogram<double>("harness.load.service_time", "ms", "Latency from the actual start.");
    }

    public string SinkName => "metrics";

    public Task Init(IBaseContext context, IConfiguration infraConfig) => Task.CompletedTask;

    public Task Start(SessionStartInfo sessionInfo) => Task.CompletedTask;

    public Task SaveRealtimeStats(ScenarioStats[] stats) => Task.CompletedTask;

    public Task SaveFinalStats(NodeStats stats) => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;

    public void Dispose() => _meter.Dispose();

    void IMeasurementObserver.Observe(in Measurement measurement)
    {
        if (!_requests.Enabled && !_latency.Enabled)
            return;
        var tags = new TagList
        {
            { "scenario", measurement.Scenario },
            { "step", measurement.Step ?? "iteration" },
            { "status", measurement.StatusCode.Length == 0 ? "none" : measurement.StatusCode },
            { "outcome", measurement.IsOk ? "ok" : "fail" },
        };
        _requests.Add(1, tags);
        _latency.Record(measurement.LatencyMs, tags);
        _service.Record(measurement.ServiceTimeMs, tags);
    }
}
