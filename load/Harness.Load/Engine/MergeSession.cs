using System.Globalization;
using Harness.Load.Reports;

namespace Harness.Load.Engine;

/// <summary>
/// <c>merge</c>: N agents' <c>agent.json</c> into one test's result, through the same code a run decides its own with
/// (<see cref="TestResult"/>): summary.json, report.md/.csv/.html/.txt and the merged agent.json, the thresholds of the
/// registered scenario of that name (code thresholds included) and the baseline evaluated on the merged numbers, and
/// the run's exit codes. Outputs that are not one test are refused with exit code 2 and the reason.
/// </summary>
internal static class MergeSession
{
    public static async Task<NodeStats> RunAsync(LoadRunnerContext context, IReadOnlyList<string> agentFolders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(agentFolders);
        var output = context.Output ?? Console.Out;
        var errors = context.ErrorOutput ?? Console.Error;
        (string Source, AgentOutput Output)[] agents;
        AgentOutput merged;
        RunSummary? baseline;
        try
        {
            agents = agentFolders.Select(d => (d, AgentOutput.Read(Path.Combine(d, AgentOutput.FileName)))).ToArray();
            merged = AgentMerge.Merge(agents);
            baseline = context.BaselinePath is { } path ? await ReportWriter.ReadSummaryAsync(path, cancellationToken).ConfigureAwait(false) : null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or FileNotFoundException)
        {
            await errors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return RunSession.Usage(context, ex.Message);
        }

        var scenario = context.Scenarios.FirstOrDefault(s => string.Equals(s.ScenarioName, merged.Scenario, StringComparison.Ordinal));
        if (scenario is null && !context.Quiet)
            await errors.WriteLineAsync($"warning: no registered scenario is named '{merged.Scenario}', so no thresholds are evaluated on the merged result").ConfigureAwait(false);
        if (baseline is not null && !string.Equals(baseline.Profile, merged.Scenario, StringComparison.Ordinal))
            await errors.WriteLineAsync($"warning: baseline {context.BaselinePath} is for scenario '{baseline.Profile}', not '{merged.Scenario}'").ConfigureAwait(false);

        var result = TestResult.Decide(merged, agents.Select(a => a.Output).ToArray(), new ThresholdChecker(merged.Scenario, scenario?.Thresholds ?? []),
            TimeSpan.FromSeconds(merged.DurationS), stoppedByThreshold: false, baseline is null ? null : (baseline, context.BaselinePath!), context.Tolerances);
        var summary = result.Summary;
        var folder = context.ReportFolder ?? Path.Combine("reports", $"{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{context.TestName}-merged");
        var files = context.ReportFormats.Count > 0
            ? await result.WriteAsync(folder, context.ReportFormats, context.ReportFileName, CancellationToken.None).ConfigureAwait(false)
            : [];
        if (!context.Quiet)
            await output.WriteAsync(MarkdownReport.Render(result.Report)).ConfigureAwait(false);
        if (context.SaveBaselinePath is { } savePath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(savePath))!);
            await File.WriteAllTextAsync(savePath, ReportWriter.ToJson(summary), CancellationToken.None).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"merged {agents.Length} agent(s) of '{summary.Scenario}': {summary.Requests.Total} iterations, p50 {summary.LatencyMs.Corrected.P50} ms, p99 {summary.LatencyMs.Corrected.P99} ms, verdict {summary.Verdict}{(files.Count > 0 ? $" → {Path.GetFullPath(folder)}" : "")}")).ConfigureAwait(false);
        var stats = result.Stats;
        return new NodeStats(
            [stats],
            [.. result.Thresholds],
            new TestInfo(Guid.NewGuid().ToString("N")[..12], context.TestSuite, context.TestName),
            NodeInfo.Current,
            [.. files],
            stats.AllRequestCount,
            stats.AllOkCount,
            stats.AllFailCount,
            stats.AllBytes,
            TimeSpan.FromSeconds(merged.DurationS))
        {
            Verdict = summary.Verdict,
            ExitCode = RunSession.ExitCode(summary.Verdict),
            StopReason = summary.StopReason,
        };
    }
}
