using System.Globalization;
using System.Text;

namespace Harness.Load.Reports;

/// <summary>report.md: tables that read well in a GitHub step summary and in a terminal.</summary>
internal static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var md = new StringBuilder();
        md.AppendLine(Invariant($"## Load run: `{s.Profile}` — {VerdictText(s.Verdict)}"));
        md.AppendLine();
        md.AppendLine(Invariant($"{s.Model} model against `{s.Target}`, {s.DurationS:0.#} s measured after {s.WarmupS:0.#} s warm-up, seed {s.Seed}, started {s.StartedAt:u}."));
        if (s.Incomplete)
            md.AppendLine().AppendLine("> **Incomplete:** the run was stopped before the end of its plan; the numbers cover what ran.");
        if (!s.Sanity.Passed)
            md.AppendLine().AppendLine(Invariant($"> **Sanity check failed:** {s.Sanity.Message}."));
        md.AppendLine();
        md.AppendLine("| Rate | Requests | OK | Failed | Error rate | Late | Dropped | Lateness p99 |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var rate = s.TargetRate is { } target ? Invariant($"{s.AchievedRate:0.#} / {target:0.#} /s") : Invariant($"{s.AchievedRate:0.#} /s ({s.Concurrency} copies)");
        md.AppendLine(Invariant($"| {rate} | {s.Requests.Total} | {s.Requests.Ok} | {s.Requests.Fail} | {s.Requests.ErrorRatePct:0.###} % | {s.Late} | {s.Dropped} | {s.LatenessMs.P99:0.###} ms |"));
        md.AppendLine();
        md.AppendLine("### Latency (ms)");
        md.AppendLine();
        md.AppendLine("| | p50 | p75 | p90 | p95 | p99 | p99.9 | max | mean |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        LatencyRow(md, "**iteration, corrected**", s.LatencyMs.Corrected);
        LatencyRow(md, "iteration, service time", s.LatencyMs.Service);
        foreach (var step in s.Steps)
        {
            LatencyRow(md, Invariant($"step `{step.Name}`, corrected"), step.LatencyMs.Corrected);
            LatencyRow(md, Invariant($"step `{step.Name}`, service time"), step.LatencyMs.Service);
        }

        md.AppendLine();
        md.AppendLine("Corrected latency is measured from when each request was meant to start (coordinated omission corrected); service time from when it actually started.");
        md.AppendLine();
        md.AppendLine("### Status codes");
        md.AppendLine();
        md.AppendLine("| Step | Status | Count | p50 ms | p99 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var step in s.Steps)
        {
            foreach (var (status, stats) in step.ByStatus)
                md.AppendLine(Invariant($"| `{step.Name}` | {status} | {stats.Count} | {stats.P50Ms:0.###} | {stats.P99Ms:0.###} |"));
        }

        if (s.Errors.Count > 0)
        {
            md.AppendLine().AppendLine("### Errors").AppendLine().AppendLine("| Where | Count |").AppendLine("|---|---:|");
            foreach (var (kind, count) in s.Errors)
                md.AppendLine(Invariant($"| {kind} | {count} |"));
        }

        if (s.StopReason is { } reason)
            md.AppendLine().AppendLine(Invariant($"> **Stopped:** {reason}."));
        if (s.Thresholds.Count > 0)
        {
            md.AppendLine().AppendLine("### Thresholds").AppendLine();
            md.AppendLine("| Step | Check | Failed checks | Verdict |");
            md.AppendLine("|---|---|---:|---|");
            foreach (var t in s.Thresholds)
                md.AppendLine(Invariant($"| {(t.Step is null ? "(scenario)" : $"`{t.Step}`")} | `{t.Check.Replace("|", "\\|", StringComparison.Ordinal)}`{(t.Error is null ? "" : $" ({t.Error})")} | {t.ErrorCount} | {(t.Passed ? "✅ pass" : "❌ fail")} |"));
        }

        if (s.Baseline is { } baseline)
            ChecksTable(md, Invariant($"Baseline `{Path.GetFileName(baseline.File)}`"), baseline.Checks, withBaseline: true);
        if (s.Agents is { Count: > 0 } agents)
        {
            md.AppendLine().AppendLine(Invariant($"### Agents ({agents.Count}, merged)")).AppendLine();
            md.AppendLine("| Agent | Rate | Iterations | Failed | Late | Dropped | Seed | Started | Offset vs --start-at |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|");
            foreach (var a in agents)
                md.AppendLine(Invariant($"| {a.Index} | {AgentRate(a)} | {a.Iterations} | {a.Fail} | {a.Late} | {a.Dropped} | {a.Seed} | {a.StartedAt:HH:mm:ss.fff} | {Offset(a)} |"));
            md.AppendLine().AppendLine("Counts are the agents' sums; percentiles come from their histograms merged bucket for bucket (the same buckets one machine's histogram of every value would hold), never from averaged percentiles.");
        }

        return md.ToString();
    }

    /// <summary>A verdict table for `compare` and `--baseline`.</summary>
    public static string RenderChecks(string title, IReadOnlyList<CheckResult> checks, bool withBaseline)
    {
        var md = new StringBuilder();
        ChecksTable(md, title, checks, withBaseline);
        return md.ToString();
    }

    private static void ChecksTable(StringBuilder md, string title, IReadOnlyList<CheckResult> checks, bool withBaseline)
    {
        if (checks.Count == 0)
            return;
        md.AppendLine().AppendLine(Invariant($"### {title}")).AppendLine();
        md.AppendLine(withBaseline ? "| Check | Baseline | Limit | Actual | Verdict |" : "| Check | Limit | Actual | Verdict |");
        md.AppendLine(withBaseline ? "|---|---:|---:|---:|---|" : "|---|---:|---:|---|");
        foreach (var c in checks)
        {
            var verdict = c.Passed ? "✅ pass" : "❌ fail";
            md.AppendLine(withBaseline
                ? Invariant($"| {c.Name} | {c.Baseline:0.###} | {c.Rule} {c.Limit:0.###} | {c.Actual:0.###} | {verdict} |")
                : Invariant($"| {c.Name} | {c.Rule} {c.Limit:0.###} | {c.Actual:0.###} | {verdict} |"));
        }
    }

    private static void LatencyRow(StringBuilder md, string label, LatencySummary l) =>
        md.AppendLine(Invariant($"| {label} | {l.P50:0.###} | {l.P75:0.###} | {l.P90:0.###} | {l.P95:0.###} | {l.P99:0.###} | {l.P999:0.###} | {l.Max:0.###} | {l.Mean:0.###} |"));

    /// <summary>"achieved / target /s" (open) or "achieved /s (N copies)" (closed).</summary>
    internal static string AgentRate(AgentSummary a) =>
        a.TargetRate is { } t ? Invariant($"{a.AchievedRate:0.#} / {t:0.#} /s") : Invariant($"{a.AchievedRate:0.#} /s ({a.Concurrency} copies)");

    /// <summary>The agent's clock offset against --start-at (+ late), or "no --start-at".</summary>
    internal static string Offset(AgentSummary a) => a.StartOffsetMs is { } ms ? Invariant($"{ms:+0.###;-0.###;0} ms") : "no --start-at";

    internal static string VerdictText(string verdict) => verdict switch
    {
        "pass" => "✅ pass",
        "fail" => "❌ fail",
        "sanity_failed" => "⚠️ sanity check failed",
        _ => "⏹ incomplete",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
