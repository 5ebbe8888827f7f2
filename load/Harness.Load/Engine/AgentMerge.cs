using System.Globalization;

namespace Harness.Load.Engine;

/// <summary>
/// Merges N agents' <see cref="AgentOutput"/>s into the one output a single machine would have written: counts summed
/// exactly, histograms merged bucket for bucket (so percentiles come from the merged histogram, never averaged), the
/// series summed per bucket, late and dropped summed. It refuses, naming the folder, outputs that are not one test:
/// different scenarios, mixed versions or agent counts, a duplicated agent index, a missing agent.
/// </summary>
internal static class AgentMerge
{
    public static AgentOutput Merge(IReadOnlyList<(string Source, AgentOutput Output)> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (agents.Count == 0)
            throw new ArgumentException("merge needs at least one agent folder");
        Check(agents);
        var outputs = agents.Select(a => a.Output).OrderBy(a => a.AgentIndex).ToArray();
        var first = outputs[0];
        var bucketSeconds = first.BucketSeconds;
        var seriesLength = outputs.Max(o => o.Series.Count);
        return first with
        {
            AgentIndex = 0,
            AgentCount = first.AgentCount,
            ActualStart = outputs.Min(o => o.ActualStart),
            Target = string.Join(", ", outputs.Select(o => o.Target).Distinct(StringComparer.Ordinal)),
            Incomplete = outputs.Any(o => o.Incomplete),
            StopReason = outputs.FirstOrDefault(o => o.StopReason is not null) is { } stopped
                ? string.Create(CultureInfo.InvariantCulture, $"agent {stopped.AgentIndex}: {stopped.StopReason}")
                : null,
            TargetRate = first.TargetRate is null ? null : outputs.Sum(o => o.TargetRate ?? 0),
            Concurrency = first.Concurrency is null ? null : outputs.Sum(o => o.Concurrency ?? 0),
            Simulation = first.Simulation with { Value = outputs.Sum(o => o.Simulation.Value) },
            AchievedRate = outputs.Sum(o => o.AchievedRate),
            DurationS = outputs.Max(o => o.DurationS),
            Scheduled = outputs.Sum(o => o.Scheduled),
            Started = outputs.Sum(o => o.Started),
            Late = outputs.Sum(o => o.Late),
            Dropped = outputs.Sum(o => o.Dropped),
            Errors = Sum(outputs.Select(o => o.Errors)),
            Lateness = Merge(outputs.Select(o => o.Lateness)),
            Iterations = Merge(outputs.Select(o => o.Iterations).ToArray()),
            Steps = outputs.SelectMany(o => o.Steps).GroupBy(s => s.Name, StringComparer.Ordinal).Select(g => Merge(g.ToArray())).ToArray(),
            Series = Enumerable.Range(0, seriesLength).Select(i =>
            {
                var buckets = outputs.Where(o => i < o.Series.Count).Select(o => o.Series[i]).ToArray();
                return new BucketOutput(i * bucketSeconds, buckets.Sum(b => b.Started), buckets.Sum(b => b.Completed), buckets.Sum(b => b.Ok),
                    buckets.Sum(b => b.Fail), Merge(buckets.Select(b => b.Corrected)), Merge(buckets.Select(b => b.Service)))
                {
                    TargetRate = Math.Round(buckets.Sum(b => b.TargetRate), 1),
                };
            }).ToArray(),
        };
    }

    private static void Check(IReadOnlyList<(string Source, AgentOutput Output)> agents)
    {
        var first = agents[0];
        foreach (var (source, o) in agents)
        {
            if (o.Format != AgentOutput.CurrentFormat)
                throw new ArgumentException($"{source}: agent output format {o.Format}, this merge reads format {AgentOutput.CurrentFormat}");
            if (!string.Equals(o.Scenario, first.Output.Scenario, StringComparison.Ordinal))
                throw new ArgumentException($"different scenarios: {first.Source} ran '{first.Output.Scenario}', {source} ran '{o.Scenario}'");
            if (!string.Equals(o.Version, first.Output.Version, StringComparison.Ordinal))
                throw new ArgumentException($"mixed versions: {first.Source} was written by Harness.Load {first.Output.Version}, {source} by {o.Version}; run every agent from one build");
            if (o.AgentCount != first.Output.AgentCount)
                throw new ArgumentException($"mixed agent counts: {first.Source} was one of {first.Output.AgentCount} agents, {source} one of {o.AgentCount}");
            if (!string.Equals(o.Model, first.Output.Model, StringComparison.Ordinal))
                throw new ArgumentException($"mixed load models: {first.Source} ran the {first.Output.Model} model, {source} the {o.Model} model");
            if (o.BucketSeconds != first.Output.BucketSeconds)
                throw new ArgumentException($"{source}: series buckets of {o.BucketSeconds} s, {first.Source} of {first.Output.BucketSeconds} s; the agents ran different durations");
        }

        var duplicate = agents.GroupBy(a => a.Output.AgentIndex).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"agent index {duplicate.Key} appears twice: {string.Join(" and ", duplicate.Select(a => a.Source))}");
        var count = first.Output.AgentCount;
        var missing = Enumerable.Range(0, count).Except(agents.Select(a => a.Output.AgentIndex)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"missing agent{(missing.Length > 1 ? "s" : "")} {string.Join(", ", missing)} of {count}: merge needs every agent's folder (got {agents.Count})"));
        }
    }

    private static StepOutput Merge(IReadOnlyList<StepOutput> steps) => new(
        steps[0].Name,
        Merge(steps.Select(s => s.Ok).ToArray()),
        Merge(steps.Select(s => s.Fail).ToArray()),
        Merge(steps.Select(s => s.Corrected)),
        Merge(steps.Select(s => s.Service)),
        new SortedDictionary<string, StatusOutput>(
            steps.SelectMany(s => s.ByStatus).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => new StatusOutput(g.First().Value.IsError, g.First().Value.Message, Merge(g.Select(kv => kv.Value.Corrected)))),
            StringComparer.Ordinal));

    private static OutcomeOutput Merge(IReadOnlyList<OutcomeOutput> outcomes)
    {
        var present = outcomes.Where(o => o.Count > 0).ToArray();
        return new OutcomeOutput(
            outcomes.Sum(o => o.Count),
            outcomes.Sum(o => o.Bytes),
            present.Length == 0 ? 0 : present.Min(o => o.MinBytes),
            present.Length == 0 ? 0 : present.Max(o => o.MaxBytes),
            Merge(outcomes.Select(o => o.Corrected)),
            Merge(outcomes.Select(o => o.Service)));
    }

    /// <summary>The bucket-for-bucket sum of snapshots of one precision.</summary>
    internal static HistogramSnapshot Merge(IEnumerable<HistogramSnapshot> snapshots)
    {
        LatencyHistogram? merged = null;
        foreach (var s in snapshots)
        {
            merged ??= new LatencyHistogram(s.PrecisionBits);
            merged.Add(LatencyHistogram.FromSnapshot(s));
        }

        return (merged ?? new LatencyHistogram()).Snapshot();
    }

    private static SortedDictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> maps)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var (key, value) in map)
                sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }
}
