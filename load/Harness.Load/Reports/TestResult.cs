using Harness.Load.Engine;
using Harness.Load.Verdicts;

namespace Harness.Load.Reports;

/// <summary>
/// A test's result, decided from what its agents measured. One path for both: <c>run</c> decides its own output (agent 0
/// of 1, or one shard), <c>merge</c> the agents' outputs merged by <see cref="AgentMerge"/>; the final statistics, the
/// thresholds, the baseline, the verdict and every report file come from the same code either way.
/// </summary>
internal sealed record TestResult(AgentOutput Output, ScenarioStats Stats, IReadOnlyList<ThresholdResult> Thresholds, RunSummary Summary, RunReport Report)
{
    /// <param name="output">One machine's output, or the merged output of <paramref name="agents"/>.</param>
    /// <param name="agents">The agents merged (merge): the report lists each one's rate and clock offset; null for one machine.</param>
    /// <param name="thresholds">The scenario's thresholds (a run's carry the errors of its live checks); checked once more here on the final statistics.</param>
    /// <param name="elapsed">How long the test ran (for the final check's bookkeeping).</param>
    /// <param name="stoppedByThreshold">The test was stopped by an aborting threshold: if one failed, the result is incomplete.</param>
    /// <param name="baseline">A saved summary to compare with, used when it is of this scenario.</param>
    public static TestResult Decide(AgentOutput output, IReadOnlyList<AgentOutput>? agents, ThresholdChecker thresholds, TimeSpan elapsed,
        bool stoppedByThreshold, (RunSummary Summary, string Path)? baseline, BaselineTolerances? tolerances)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(thresholds);
        var stats = StatsBuilder.Scenario(output);
        thresholds.Check(stats, elapsed, final: true);
        var results = thresholds.Results();
        if (stoppedByThreshold && results.Any(r => r.IsFailed))
            output = output with { Incomplete = true };
        var summary = SummaryBuilder.Build(output, agents);
        var comparison = baseline is { } b && string.Equals(b.Summary.Profile, output.Scenario, StringComparison.Ordinal)
            ? (tolerances ?? BaselineTolerances.Default).Compare(summary, b.Summary, b.Path)
            : null;
        summary = SummaryBuilder.Decide(summary, results, comparison);
        return new TestResult(output, stats, results, summary, RunReport.From(summary, output));
    }

    /// <summary>The chosen report files, and with summary.json the lossless <c>agent.json</c> that <c>merge</c> reads.</summary>
    public async Task<IReadOnlyList<ReportFile>> WriteAsync(string directory, IReadOnlyList<ReportFormat> formats, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var files = await ReportWriter.WriteAsync(Report, directory, formats, fileName, cancellationToken).ConfigureAwait(false);
        if (formats.Contains(ReportFormat.Json))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, AgentOutput.FileName), AgentOutput.ToJson(Output), cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
