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

    public static RunReport From(RunSummary summary, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var plan = outcome.Plan;
        var width = outcome.Statistics.BucketSeconds;
        var series = outcome.Statistics.Series(outcome.SeriesSeconds).Select((s, b) =>
        {
            var i = b * width;
            var at = TimeSpan.FromSeconds(i + (width / 2.0));
            return new SeriesPoint(
                i,
                TimeSpan.FromSeconds(i) < plan.WarmUp,
                plan.IsOpen ? Math.Round(plan.RateAt(at), 1) : 0,
                s.Started,
                s.Completed,
                s.Ok,
                s.Fail,
                (plan.IsOpen ? s.Started : s.Completed) / (double)width,
                s.Corrected.ValueAtPercentile(50) / 1000.0,
                s.Corrected.ValueAtPercentile(99) / 1000.0,
                s.Service.ValueAtPercentile(99) / 1000.0);
        }).ToArray();
        var iterations = outcome.Statistics.Iterations;
        var distribution = iterations.Corrected.Count == 0
            ? []
            : CurvePercentiles.Select(p => new PercentilePoint(
                p,
                iterations.Corrected.ValueAtPercentile(p) / 1000.0,
                iterations.Service.ValueAtPercentile(p) / 1000.0)).ToArray();
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
