using System.Globalization;
using Harness.Load.Engine;

namespace Harness.Load.Reports;

/// <summary>Turns what the engine measured into the summary, and decides the verdict.</summary>
internal static class SummaryBuilder
{
    /// <summary>Open runs whose achieved rate is below this share of the target did not test what was asked.</summary>
    public const double SanityRatio = 0.99;

    public static RunSummary Build(RunOutcome outcome, Uri? target)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var stats = outcome.Statistics;
        var plan = outcome.Plan;
        var iterations = stats.Iterations;
        var total = iterations.Ok + iterations.Fail;
        return new RunSummary
        {
            Profile = outcome.Scenario.Name,
            Scenario = outcome.Scenario.Name,
            Model = plan.Model,
            Target = target is null ? "(none)" : Redact(target),
            StartedAt = outcome.StartedAt,
            Seed = outcome.Seed,
            Incomplete = outcome.Incomplete,
            StopReason = outcome.Scenario.StopReason ?? outcome.Scenario.Run.StopReason,
            TargetRate = plan.IsOpen ? Round(outcome.TargetRate) : null,
            AchievedRate = Round(outcome.AchievedRate),
            Concurrency = plan.IsOpen ? null : plan.MaxCopies,
            DurationS = Round(outcome.MeasuredDuration.TotalSeconds),
            WarmupS = Round(plan.WarmUp.TotalSeconds),
            Requests = new RequestCounts(
                total,
                iterations.Ok,
                iterations.Fail,
                total == 0 ? 0 : Round(100.0 * iterations.Fail / total),
                iterations.ByStatus.OrderBy(p => p.Key).ToDictionary(p => StatusKey(p.Key), p => p.Value.Count)),
            Late = stats.Late,
            Dropped = stats.Dropped,
            LatenessMs = Summarize(stats.Lateness),
            LatencyMs = new LatencyPair(Summarize(iterations.Corrected), Summarize(iterations.Service)),
            Steps = stats.Steps.Select(s => new StepSummary(
                s.Name,
                s.Ok,
                s.Fail,
                s.Bytes,
                new LatencyPair(Summarize(s.Corrected), Summarize(s.Service)),
                s.ByStatus.OrderBy(p => p.Key).ToDictionary(
                    p => StatusKey(p.Key),
                    p => new StatusSummary(p.Value.Count, Ms(p.Value.Corrected.ValueAtPercentile(50)), Ms(p.Value.Corrected.ValueAtPercentile(99)))))).ToArray(),
            Errors = stats.Errors.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => p.Value),
            Sanity = Sanity(outcome),
            Verdict = "pass",
        };
    }

    /// <summary>
    /// The summary of a merged distributed test (<see cref="AgentMerge"/>): the same fields as one machine's, from the
    /// merged histograms. The code thresholds are not in the agents' output, so the verdict is sanity and baseline only.
    /// </summary>
    public static RunSummary BuildMerged(AgentOutput merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var it = merged.Iterations;
        var total = it.Ok.Count + it.Fail.Count;
        var ratio = merged.TargetRate is > 0 ? merged.AchievedRate / merged.TargetRate.Value : (double?)null;
        return new RunSummary
        {
            Profile = merged.Scenario,
            Scenario = merged.Scenario,
            Model = merged.Model,
            Target = "(merged agents)",
            StartedAt = merged.ActualStart,
            Seed = merged.Seed,
            Incomplete = false,
            TargetRate = merged.TargetRate is { } t ? Round(t) : null,
            AchievedRate = Round(merged.AchievedRate),
            DurationS = Round(merged.DurationS),
            WarmupS = Round(merged.WarmupS),
            Requests = new RequestCounts(total, it.Ok.Count, it.Fail.Count, total == 0 ? 0 : Round(100.0 * it.Fail.Count / total),
                it.ByStatus.ToDictionary(p => StatusKey(p.Key), p => p.Value.Corrected.Count)),
            Late = merged.Late,
            Dropped = merged.Dropped,
            LatenessMs = Summarize(LatencyHistogram.FromSnapshot(merged.Lateness)),
            LatencyMs = Pair(it.Corrected, it.Service),
            Steps = merged.Steps.Select(s => new StepSummary(s.Name, s.Ok.Count, s.Fail.Count, s.Ok.Bytes + s.Fail.Bytes, Pair(s.Corrected, s.Service),
                s.ByStatus.ToDictionary(p => StatusKey(p.Key), p =>
                {
                    var h = LatencyHistogram.FromSnapshot(p.Value.Corrected);
                    return new StatusSummary(h.Count, Ms(h.ValueAtPercentile(50)), Ms(h.ValueAtPercentile(99)));
                }))).ToArray(),
            Errors = merged.Errors.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => p.Value),
            Sanity = ratio is not { } r ? new SanityCheck(true, null, "no target rate to reach")
                : r >= SanityRatio ? new SanityCheck(true, Math.Round(r, 4), $"the agents together achieved {r:P1} of the target rate")
                : new SanityCheck(false, Math.Round(r, 4), $"the agents together achieved {r:P1} of the target rate (< {SanityRatio:P0})"),
            Verdict = "pass",
        };

        static LatencyPair Pair(HistogramSnapshot corrected, HistogramSnapshot service) =>
            new(Summarize(LatencyHistogram.FromSnapshot(corrected)), Summarize(LatencyHistogram.FromSnapshot(service)));
    }

    /// <summary>Evaluates thresholds (and the baseline, if any) and sets the verdict.</summary>
    public static RunSummary Decide(RunSummary summary, IReadOnlyList<ThresholdResult> thresholds, BaselineComparison? baseline)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(thresholds);
        var checks = thresholds.Select(t => new ThresholdSummary(t.StepName, t.CheckExpression, t.ErrorCount, !t.IsFailed, t.ExceptionMsg)).ToArray();
        // A failed threshold fails the run even when it stopped it early (abortWhenErrorCount).
        var thresholdFailed = checks.Any(c => !c.Passed);
        var verdict = summary.Incomplete ? (thresholdFailed ? "fail" : "incomplete")
            : !summary.Sanity.Passed ? "sanity_failed"
            : thresholdFailed || baseline is { Passed: false } ? "fail"
            : "pass";
        return summary with { Thresholds = checks, Baseline = baseline, Verdict = verdict };
    }

    /// <summary>The CLI's exit code for a verdict: 0 pass, 1 threshold/baseline fail, 3 sanity failed, 130 incomplete.</summary>
    public static int ExitCode(RunSummary summary) => summary.Verdict switch
    {
        "pass" => ExitCodes.Ok,
        "fail" => ExitCodes.ThresholdFailed,
        "sanity_failed" => ExitCodes.SanityFailed,
        _ => ExitCodes.Cancelled,
    };

    internal static LatencySummary Summarize(LatencyHistogram h) => new(
        Ms(h.ValueAtPercentile(50)),
        Ms(h.ValueAtPercentile(75)),
        Ms(h.ValueAtPercentile(90)),
        Ms(h.ValueAtPercentile(95)),
        Ms(h.ValueAtPercentile(99)),
        Ms(h.ValueAtPercentile(99.9)),
        Ms(h.Max),
        Math.Round(h.Mean / 1000, 3),
        h.Count);

    /// <summary>Scheme, host, port and path: user info and query strings can carry credentials.</summary>
    internal static string Redact(Uri target) => target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static SanityCheck Sanity(RunOutcome outcome)
    {
        if (!outcome.Plan.IsOpen)
            return new SanityCheck(true, null, "closed model: no target rate to reach");
        if (outcome.TargetRate <= 0)
            return new SanityCheck(true, null, "no arrivals were scheduled in the measured window");
        var ratio = outcome.AchievedRate / outcome.TargetRate;
        return ratio >= SanityRatio
            ? new SanityCheck(true, Math.Round(ratio, 4), $"achieved {ratio:P1} of the target rate")
            : new SanityCheck(false, Math.Round(ratio, 4),
                $"achieved {ratio:P1} of the target rate (< {SanityRatio:P0}): the generator or the target could not keep up, so the numbers do not describe the load asked for");
    }

    private static string StatusKey(string status) => status.Length == 0 ? "none" : status;

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);

    private static double Round(double value) => Math.Round(value, 3);
}

/// <summary>The CLI's exit codes; CI scripts depend on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ThresholdFailed = 1;
    public const int Usage = 2;
    public const int SanityFailed = 3;
    public const int Cancelled = 130;
}
