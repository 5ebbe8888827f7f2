using System.Globalization;
using Harness.Load.Engine;

namespace Harness.Load.Reports;

/// <summary>Turns what the engine measured into the summary, and decides the verdict.</summary>
internal static class SummaryBuilder
{
    /// <summary>Open runs whose achieved rate is below this share of the target did not test what was asked.</summary>
    public const double SanityRatio = 0.99;

    /// <summary>
    /// The summary of a test from what its agents measured: <paramref name="output"/> is one machine's output (a run is
    /// agent 0 of 1) or N agents' merged by <see cref="AgentMerge"/> — one path, so a merged report is built exactly as a
    /// single run's. With <paramref name="agents"/> (merge), the summary lists each agent's rate and clock offset.
    /// </summary>
    public static RunSummary Build(AgentOutput output, IReadOnlyList<AgentOutput>? agents = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var it = output.Iterations;
        var total = it.Ok.Count + it.Fail.Count;
        return new RunSummary
        {
            Profile = output.Scenario,
            Scenario = output.Scenario,
            Model = output.Model,
            Target = output.Target,
            StartedAt = output.ActualStart,
            Seed = output.Seed,
            Incomplete = output.Incomplete,
            StopReason = output.StopReason,
            TargetRate = output.TargetRate is { } t ? Round(t) : null,
            AchievedRate = Round(output.AchievedRate),
            Concurrency = output.Concurrency,
            DurationS = Round(output.DurationS),
            WarmupS = Round(output.WarmupS),
            Requests = new RequestCounts(total, it.Ok.Count, it.Fail.Count, total == 0 ? 0 : Round(100.0 * it.Fail.Count / total),
                it.ByStatus.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => StatusKey(p.Key), p => p.Value.Corrected.Count)),
            Late = output.Late,
            Dropped = output.Dropped,
            LatenessMs = Summarize(LatencyHistogram.FromSnapshot(output.Lateness)),
            LatencyMs = Pair(it.Corrected, it.Service),
            Steps = output.Steps.Select(s => new StepSummary(s.Name, s.Ok.Count, s.Fail.Count, s.Ok.Bytes + s.Fail.Bytes, Pair(s.Corrected, s.Service),
                s.ByStatus.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => StatusKey(p.Key), p =>
                {
                    var h = LatencyHistogram.FromSnapshot(p.Value.Corrected);
                    return new StatusSummary(h.Count, Ms(h.ValueAtPercentile(50)), Ms(h.ValueAtPercentile(99)));
                }))).ToArray(),
            Errors = output.Errors.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => p.Value),
            Sanity = Sanity(output, together: agents is { Count: > 1 }),
            Agents = agents?.OrderBy(a => a.AgentIndex).Select(a => new AgentSummary(
                a.AgentIndex,
                a.TargetRate is { } r ? Round(r) : null,
                Round(a.AchievedRate),
                a.Concurrency,
                a.Iterations.Ok.Count + a.Iterations.Fail.Count,
                a.Iterations.Fail.Count,
                a.Late,
                a.Dropped,
                a.Seed,
                a.ActualStart,
                a.StartOffsetMs is { } offset ? Round(offset) : null)).ToArray(),
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

    private static SanityCheck Sanity(AgentOutput output, bool together)
    {
        if (output.TargetRate is not { } target)
            return new SanityCheck(true, null, "closed model: no target rate to reach");
        if (target <= 0)
            return new SanityCheck(true, null, "no arrivals were scheduled in the measured window");
        var ratio = output.AchievedRate / target;
        var who = together ? "the agents together achieved" : "achieved";
        return ratio >= SanityRatio
            ? new SanityCheck(true, Math.Round(ratio, 4), $"{who} {ratio:P1} of the target rate")
            : new SanityCheck(false, Math.Round(ratio, 4),
                $"{who} {ratio:P1} of the target rate (< {SanityRatio:P0}): the generator or the target could not keep up, so the numbers do not describe the load asked for");
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
