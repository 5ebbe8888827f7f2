using Harness.Load.Engine;

namespace Harness.Load.Reports;

/// <summary>One second of the timeline, as report.csv and the charts show it.</summary>
internal sealed record SeriesPoint(
    int Second,
    bool WarmUp,
    double TargetRate,
    long Started,
    long Completed,
    long Ok,
    long Fail,
    double AchievedRate,
    double P50Ms,
    double P99CorrectedMs,
    double P99ServiceMs);

/// <summary>A point of the latency-by-percentile curve.</summary>
internal sealed record PercentilePoint(double Percentile, double CorrectedMs, double ServiceMs);

/// <summary>Everything the report files are rendered from.</summary>
internal sealed record RunReport(RunSummary Summary, IReadOnlyList<SeriesPoint> Series, IReadOnlyList<PercentilePoint> Distribution)
{
    private static readonly double[] CurvePercentiles = BuildCurvePercentiles();

    /// <summary>The report of one machine's output or of N agents' merged output: the same series and curve either way.</summary>
    public static RunReport From(RunSummary summary, AgentOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var open = output.TargetRate is not null;
        var width = output.BucketSeconds;
        var series = output.Series.Select(b =>
        {
            var corrected = LatencyHistogram.FromSnapshot(b.Corrected);
            return new SeriesPoint(
                b.Second,
                b.Second < output.WarmupS,
                b.TargetRate,
                b.Started,
                b.Completed,
                b.Ok,
                b.Fail,
                (open ? b.Started : b.Completed) / (double)width,
                corrected.ValueAtPercentile(50) / 1000.0,
                corrected.ValueAtPercentile(99) / 1000.0,
                LatencyHistogram.FromSnapshot(b.Service).ValueAtPercentile(99) / 1000.0);
        }).ToArray();
        var iterationsCorrected = LatencyHistogram.FromSnapshot(output.Iterations.Corrected);
        var iterationsService = LatencyHistogram.FromSnapshot(output.Iterations.Service);
        var distribution = iterationsCorrected.Count == 0
            ? []
            : CurvePercentiles.Select(p => new PercentilePoint(
                p,
                iterationsCorrected.ValueAtPercentile(p) / 1000.0,
                iterationsService.ValueAtPercentile(p) / 1000.0)).ToArray();
        return new RunReport(summary, series, distribution);
    }

    /// <summary>Percentiles evenly spaced on the 1/(1−p) scale HdrHistogram plots use: 0 … 99.99.</summary>
    private static double[] BuildCurvePercentiles()
    {
        var points = new List<double>();
        for (var x = 0.0; x <= 4.0001; x += 0.1)
            points.Add(100 * (1 - Math.Pow(10, -x)));
        points.Add(100);
        return [.. points];
    }
}
