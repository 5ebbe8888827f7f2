using Harness.Load.Reports;

namespace Harness.Load.Verdicts;

/// <summary>
/// Pass/fail limits for a run, as data in the profile's JSON, e.g.
/// <c>{"p99_ms": 250, "error_rate_pct": 1, "min_achieved_ratio": 0.99}</c>. Latency limits apply to corrected latency.
/// </summary>
internal sealed record Thresholds
{
    public double? P50Ms { get; init; }

    public double? P95Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? ErrorRatePct { get; init; }

    /// <summary>Achieved ÷ target rate (open model only).</summary>
    public double? MinAchievedRatio { get; init; }

    public IReadOnlyList<CheckResult> Evaluate(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var results = new List<CheckResult>();
        var latency = summary.LatencyMs.Corrected;
        AtMost(results, "p50_ms", P50Ms, latency.P50);
        AtMost(results, "p95_ms", P95Ms, latency.P95);
        AtMost(results, "p99_ms", P99Ms, latency.P99);
        AtMost(results, "error_rate_pct", ErrorRatePct, summary.Requests.ErrorRatePct);
        if (MinAchievedRatio is { } min && summary.TargetRate is > 0)
        {
            var ratio = summary.AchievedRate / summary.TargetRate.Value;
            results.Add(new CheckResult("min_achieved_ratio", min, Math.Round(ratio, 4), ratio >= min, ">="));
        }

        return results;
    }

    private static void AtMost(List<CheckResult> results, string name, double? limit, double actual)
    {
        if (limit is { } l)
            results.Add(new CheckResult(name, l, actual, actual <= l, "<="));
    }
}
