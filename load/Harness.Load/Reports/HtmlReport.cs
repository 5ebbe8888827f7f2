using System.Globalization;
using System.Net;
using System.Text;

namespace Harness.Load.Reports;

/// <summary>report.html: one self-contained page (inline CSS and SVG; no scripts, fonts or CDNs).</summary>
internal static class HtmlReport
{
    private const string Css = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
        main{max-width:980px;margin:0 auto;padding:28px 24px 48px}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 10px}
        .sub{color:var(--muted);margin:0 0 16px}.badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:13px;font-weight:600;color:#fff;vertical-align:middle;margin-left:8px}
        .pass{background:var(--ok)}.fail{background:var(--bad)}.sanity_failed,.incomplete{background:var(--warn)}
        .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:16px 0}
        .card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card b{display:block;font-size:20px}.card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .note-box{border-left:4px solid var(--warn);background:#fff8c5;padding:8px 12px;border-radius:4px;margin:10px 0}
        table{border-collapse:collapse;width:100%;margin:6px 0 4px;font-variant-numeric:tabular-nums}th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right}
        th{background:var(--panel);font-weight:600}th:first-child,td:first-child{text-align:left}.ok{color:var(--ok);font-weight:600}.bad{color:var(--bad);font-weight:600}
        .chart{width:100%;height:auto;border:1px solid var(--line);border-radius:8px;margin:6px 0 10px;background:#fff}
        .chart .title{font-weight:600;font-size:14px;fill:var(--fg)}.chart .tick{font-size:11px;fill:var(--muted)}.chart .label{font-size:12px;fill:var(--muted)}
        .chart .legend{font-size:12px;fill:var(--fg)}.chart .note{font-size:11px;fill:var(--muted)}.chart .grid{stroke:#eaeef2}.chart .axis{stroke:#8c959f}.chart .warmup{fill:#f6f8fa}
        footer{color:var(--muted);font-size:12px;margin-top:28px}
        """;

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.Append(F($"<title>Load run {E(s.Profile)} — {E(s.Verdict)}</title><style>{Css}</style></head><body><main>"));
        h.Append(F($"<h1>Load run: {E(s.Profile)}<span class=\"badge {E(s.Verdict)}\">{E(s.Verdict.Replace('_', ' '))}</span></h1>"));
        h.Append(F($"<p class=\"sub\">{E(s.Model)} model · {E(s.Target)} · {s.DurationS:0.#} s measured after {s.WarmupS:0.#} s warm-up · seed {s.Seed} · {s.StartedAt:u}</p>"));
        if (s.Incomplete)
            h.Append("<p class=\"note-box\"><b>Incomplete:</b> the run was stopped before the end of its plan; the numbers cover what ran.</p>");
        if (!s.Sanity.Passed)
            h.Append(F($"<p class=\"note-box\"><b>Sanity check failed:</b> {E(s.Sanity.Message)}.</p>"));

        h.Append("<div class=\"cards\">");
        Card(h, s.TargetRate is { } t ? F($"{s.AchievedRate:0.#} / {t:0.#}") : F($"{s.AchievedRate:0.#}"), s.TargetRate is null ? F($"req/s ({s.Concurrency} copies)") : "achieved / target req/s");
        Card(h, F($"{s.LatencyMs.Corrected.P50:0.##} ms"), "p50 corrected");
        Card(h, F($"{s.LatencyMs.Corrected.P99:0.##} ms"), "p99 corrected");
        Card(h, F($"{s.LatencyMs.Service.P99:0.##} ms"), "p99 service time");
        Card(h, F($"{s.Requests.Total:N0}"), "requests");
        Card(h, F($"{s.Requests.ErrorRatePct:0.###} %"), F($"errors ({s.Requests.Fail:N0})"));
        Card(h, F($"{s.Late:N0}"), F($"late (p99 {s.LatenessMs.P99:0.##} ms)"));
        Card(h, F($"{s.Dropped:N0}"), "dropped");
        h.Append("</div>");

        var series = report.Series;
        var warmUp = s.WarmupS;
        var throughput = new List<ChartSeries>();
        if (s.TargetRate is not null)
            throughput.Add(new ChartSeries("target", "#8c959f", Steps(series, p => p.TargetRate), Dashed: true));
        throughput.Add(new ChartSeries(s.TargetRate is null ? "completed/s" : "started/s", "#0969da", Steps(series, p => p.AchievedRate)));
        throughput.Add(new ChartSeries("failed/s", "#cf222e", Steps(series, p => p.Fail)));
        h.Append(SvgChart.Line("Throughput over time", "elapsed (s)", "requests / s", throughput, shadeUntilX: warmUp));
        h.Append(SvgChart.Line("Latency over time", "elapsed (s)", "latency (ms)",
        [
            new ChartSeries("p50 corrected", "#1a7f37", Steps(series, p => p.P50Ms)),
            new ChartSeries("p99 corrected", "#bc4c00", Steps(series, p => p.P99CorrectedMs)),
            new ChartSeries("p99 service", "#8250df", Steps(series, p => p.P99ServiceMs), Dashed: true),
        ], shadeUntilX: warmUp, yCeiling: MeasuredMax(series, p => Math.Max(p.P99CorrectedMs, p.P99ServiceMs))));
        var nines = new[] { 0, 1, 2, 3, 4 }.Select(n => new ChartTick(n, n == 0 ? "0%" : (100 * (1 - Math.Pow(10, -n))).ToString("0.##", CultureInfo.InvariantCulture) + "%")).ToArray();
        h.Append(SvgChart.Line("Latency by percentile (measured window)", "percentile", "latency (ms)",
        [
            new ChartSeries("corrected", "#bc4c00", report.Distribution.Select(p => (Nines(p.Percentile), p.CorrectedMs)).ToArray()),
            new ChartSeries("service time", "#8250df", report.Distribution.Select(p => (Nines(p.Percentile), p.ServiceMs)).ToArray(), Dashed: true),
        ], nines));

        h.Append("<h2>Latency (ms)</h2><table><tr><th></th><th>p50</th><th>p75</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th><th>count</th></tr>");
        LatencyRow(h, "<b>iteration, corrected</b>", s.LatencyMs.Corrected);
        LatencyRow(h, "iteration, service time", s.LatencyMs.Service);
        foreach (var step in s.Steps)
        {
            LatencyRow(h, F($"step <code>{E(step.Name)}</code>, corrected"), step.LatencyMs.Corrected);
            LatencyRow(h, F($"step <code>{E(step.Name)}</code>, service time"), step.LatencyMs.Service);
        }

        h.Append("</table><p class=\"sub\">Corrected latency counts from when each request was meant to start, so a stalled target cannot hide behind a generator that waited for it (coordinated omission); service time counts from the actual start.</p>");

        h.Append("<h2>Status codes</h2><table><tr><th>step</th><th>status</th><th>count</th><th>p50 ms</th><th>p99 ms</th></tr>");
        foreach (var step in s.Steps)
        {
            foreach (var (status, stats) in step.ByStatus)
                h.Append(F($"<tr><td><code>{E(step.Name)}</code></td><td>{E(status)}</td><td>{stats.Count:N0}</td><td>{stats.P50Ms:0.###}</td><td>{stats.P99Ms:0.###}</td></tr>"));
        }

        h.Append("</table>");
        if (s.Errors.Count > 0)
        {
            h.Append("<h2>Errors</h2><table><tr><th>where</th><th>count</th></tr>");
            foreach (var (kind, count) in s.Errors)
                h.Append(F($"<tr><td>{E(kind)}</td><td>{count:N0}</td></tr>"));
            h.Append("</table>");
        }

        if (s.Thresholds.Count > 0)
        {
            h.Append("<h2>Thresholds</h2><table><tr><th>step</th><th>check</th><th>failed checks</th><th>verdict</th></tr>");
            foreach (var th in s.Thresholds)
                h.Append(F($"<tr><td>{E(th.Step ?? "(scenario)")}</td><td><code>{E(th.Check)}</code>{E(th.Error is null ? "" : $" ({th.Error})")}</td><td>{th.ErrorCount:N0}</td><td class=\"{(th.Passed ? "ok" : "bad")}\">{(th.Passed ? "pass" : "fail")}</td></tr>"));
            h.Append("</table>");
        }

        if (s.StopReason is { } reason)
            h.Append(F($"<p><b>Stopped:</b> {E(reason)}</p>"));

        if (s.Baseline is { } baseline)
            Checks(h, F($"Baseline {Path.GetFileName(baseline.File)}"), baseline.Checks, true);
        if (s.Agents is { Count: > 0 } agents)
        {
            h.Append(F($"<h2 id=\"agents\">Agents ({agents.Count}, merged)</h2><table class=\"agents\"><tr><th>agent</th><th>rate</th><th>iterations</th><th>failed</th><th>late</th><th>dropped</th><th>seed</th><th>started</th><th>offset vs --start-at</th></tr>"));
            foreach (var a in agents)
                h.Append(F($"<tr><td>{a.Index}</td><td>{E(MarkdownReport.AgentRate(a))}</td><td>{a.Iterations:N0}</td><td>{a.Fail:N0}</td><td>{a.Late:N0}</td><td>{a.Dropped:N0}</td><td>{a.Seed}</td><td>{a.StartedAt:HH:mm:ss.fff}</td><td>{E(MarkdownReport.Offset(a))}</td></tr>"));
            h.Append("</table><p class=\"sub\">Counts are the agents' sums; percentiles come from their histograms merged bucket for bucket (the same buckets one machine's histogram of every value would hold), never from averaged percentiles.</p>");
        }

        h.Append(F($"<footer>Sanity: {E(s.Sanity.Message)}. Generated by Harness.Load.</footer>"));
        h.Append("</main></body></html>\n");
        return h.ToString();
    }

    /// <summary>The largest value outside the warm-up, so a cold-start spike does not flatten the measured window.</summary>
    private static double? MeasuredMax(IReadOnlyList<SeriesPoint> series, Func<SeriesPoint, double> value)
    {
        var measured = series.Where(p => !p.WarmUp).Select(value).ToArray();
        return measured.Length == 0 ? null : Math.Max(measured.Max(), 1e-3);
    }

    /// <summary>log10(1/(1−p)): 90 % → 1, 99 % → 2 …, capped at 4.3 for the max.</summary>
    private static double Nines(double percentile) => percentile >= 100 ? 4.3 : Math.Min(4.3, -Math.Log10(1 - (percentile / 100)));

    /// <summary>A per-second value drawn across its second, so short runs still read as a time series.</summary>
    private static (double X, double Y)[] Steps(IReadOnlyList<SeriesPoint> series, Func<SeriesPoint, double> value) =>
        series.Select(p => (p.Second + 0.5, value(p))).ToArray();

    private static void Card(StringBuilder h, string value, string label) =>
        h.Append(F($"<div class=\"card\"><b>{E(value)}</b><span>{E(label)}</span></div>"));

    private static void LatencyRow(StringBuilder h, string label, LatencySummary l) =>
        h.Append(F($"<tr><td>{label}</td><td>{l.P50:0.###}</td><td>{l.P75:0.###}</td><td>{l.P90:0.###}</td><td>{l.P95:0.###}</td><td>{l.P99:0.###}</td><td>{l.P999:0.###}</td><td>{l.Max:0.###}</td><td>{l.Mean:0.###}</td><td>{l.Count:N0}</td></tr>"));

    private static void Checks(StringBuilder h, string title, IReadOnlyList<CheckResult> checks, bool withBaseline)
    {
        if (checks.Count == 0)
            return;
        h.Append(F($"<h2>{E(title)}</h2><table><tr><th>check</th>{(withBaseline ? "<th>baseline</th>" : "")}<th>limit</th><th>actual</th><th>verdict</th></tr>"));
        foreach (var c in checks)
        {
            var baseline = withBaseline ? F($"<td>{c.Baseline:0.###}</td>") : "";
            h.Append(F($"<tr><td>{E(c.Name)}</td>{baseline}<td>{E(c.Rule)} {c.Limit:0.###}</td><td>{c.Actual:0.###}</td><td class=\"{(c.Passed ? "ok" : "bad")}\">{(c.Passed ? "pass" : "fail")}</td></tr>"));
        }

        h.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
