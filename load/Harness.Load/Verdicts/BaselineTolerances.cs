using Harness.Load.Reports;

namespace Harness.Load.Verdicts;

/// <summary>
/// How far a run may move from a saved baseline, as data, e.g. <c>{"p95_pct": 15, "achieved_rate_pct": -5,
/// "error_rate_pt": 0.5}</c>: p95 may grow at most 15 %, the achieved rate may fall at most 5 %, the error rate may rise
/// at most 0.5 percentage points. Latency is corrected latency.
/// </summary>
internal sealed record BaselineTolerances
{
    public static BaselineTolerances Default { get; } = new() { P95Pct = 15, P99Pct = 25, AchievedRatePct = -5, ErrorRatePt = 0.5 };

    public double? P95Pct { get; init; }

    public double? P99Pct { get; init; }

    /// <summary>Negative: the largest allowed drop, in percent of the baseline's achieved rate.</summary>
    public double? AchievedRatePct { get; init; }

    public double? ErrorRatePt { get; init; }

    public BaselineComparison Compare(RunSummary current, RunSummary baseline, string baselineFile)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!string.Equals(current.Profile, baseline.Profile, StringComparison.Ordinal))
            throw new InvalidOperationException($"baseline {baselineFile} is for profile '{baseline.Profile}', this run is '{current.Profile}'");
        var checks = new List<CheckResult>();
        Grow(checks, "p95_pct", P95Pct, current.LatencyMs.Corrected.P95, baseline.LatencyMs.Corrected.P95);
        Grow(checks, "p99_pct", P99Pct, current.LatencyMs.Corrected.P99, baseline.LatencyMs.Corrected.P99);
        if (AchievedRatePct is { } rate)
        {
            var floor = baseline.AchievedRate * (1 + (rate / 100));
            checks.Add(new CheckResult("achieved_rate_pct", Round(floor), current.AchievedRate, current.AchievedRate >= floor, ">=")
            {
                Baseline = baseline.AchievedRate,
            });
        }

        if (ErrorRatePt is { } points)
        {
            var ceiling = baseline.Requests.ErrorRatePct + points;
            checks.Add(new CheckResult("error_rate_pt", Round(ceiling), current.Requests.ErrorRatePct, current.Requests.ErrorRatePct <= ceiling, "<=")
            {
                Baseline = baseline.Requests.ErrorRatePct,
            });
        }

        return new BaselineComparison(baselineFile, checks, checks.TrueForAll(c => c.Passed));
    }

    private static void Grow(List<CheckResult> checks, string name, double? pct, double current, double baseline)
    {
        if (pct is not { } p)
            return;
        var ceiling = baseline * (1 + (p / 100));
        checks.Add(new CheckResult(name, Round(ceiling), current, current <= ceiling, "<=") { Baseline = baseline });
    }

    private static double Round(double value) => Math.Round(value, 3);
}
