using System.Globalization;
using System.Text;

namespace Harness.Load.Reports;

/// <summary>report.txt: the summary as plain aligned text, for a terminal or a log.</summary>
internal static class TextReport
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var t = new StringBuilder();
        t.AppendLine(F($"load run: {s.Profile} — {s.Verdict}"));
        t.AppendLine(F($"{s.Model} model against {s.Target}, {s.DurationS:0.#} s measured after {s.WarmupS:0.#} s warm-up, seed {s.Seed}, started {s.StartedAt:u}"));
        if (s.StopReason is { } reason)
            t.AppendLine(F($"stopped: {reason}"));
        t.AppendLine(F($"rate: achieved {s.AchievedRate:0.#}/s{(s.TargetRate is { } r ? F($" of {r:0.#}/s") : "")}; requests {s.Requests.Total} (ok {s.Requests.Ok}, failed {s.Requests.Fail}, {s.Requests.ErrorRatePct:0.###} %); late {s.Late}; dropped {s.Dropped}"));
        t.AppendLine(F($"sanity: {s.Sanity.Message}"));
        t.AppendLine();
        t.AppendLine(F($"{"latency ms",-40} {"p50",9} {"p95",9} {"p99",9} {"p99.9",9} {"max",9} {"count",9}"));
        Row(t, "iteration, corrected", s.LatencyMs.Corrected);
        Row(t, "iteration, service time", s.LatencyMs.Service);
        foreach (var step in s.Steps)
        {
            Row(t, F($"{step.Name}, corrected"), step.LatencyMs.Corrected);
            Row(t, F($"{step.Name}, service time"), step.LatencyMs.Service);
        }

        foreach (var (kind, count) in s.Errors)
            t.AppendLine(F($"error: {kind} × {count}"));
        foreach (var th in s.Thresholds)
            t.AppendLine(F($"threshold {(th.Passed ? "pass" : "FAIL")}: {(th.Step is null ? "" : th.Step + ": ")}{th.Check} (failed checks: {th.ErrorCount}){(th.Error is null ? "" : " " + th.Error)}"));
        if (s.Baseline is { } baseline)
        {
            foreach (var c in baseline.Checks)
                t.AppendLine(F($"baseline {(c.Passed ? "pass" : "FAIL")}: {c.Name} {c.Actual:0.###} {c.Rule} {c.Limit:0.###} (baseline {c.Baseline:0.###})"));
        }

        foreach (var a in s.Agents ?? [])
            t.AppendLine(F($"agent {a.Index}: {MarkdownReport.AgentRate(a)}, {a.Iterations} iterations ({a.Fail} failed), late {a.Late}, dropped {a.Dropped}, seed {a.Seed}, offset {MarkdownReport.Offset(a)}"));
        return t.ToString();
    }

    private static void Row(StringBuilder t, string label, LatencySummary l) =>
        t.AppendLine(F($"{label,-40} {l.P50,9:0.###} {l.P95,9:0.###} {l.P99,9:0.###} {l.P999,9:0.###} {l.Max,9:0.###} {l.Count,9}"));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
