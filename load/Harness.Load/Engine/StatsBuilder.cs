namespace Harness.Load.Engine;

/// <summary>Builds NBomber-shaped statistics from what the engine measured (live snapshots and the final ones).</summary>
internal static class StatsBuilder
{
    public static ScenarioStats Scenario(ScenarioRuntime scenario, TimeSpan measured, OperationType operation,
        double targetRate = 0, double achievedRate = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stats = scenario.Stats;
        var iterations = stats.Iterations;
        var seconds = Math.Max(measured.TotalSeconds, 1e-9);
        var all = iterations.Ok + iterations.Fail;
        var steps = stats.Steps.Select(s => new StepStats(
            s.Name,
            Measurement(s, true, seconds, s.Ok + s.Fail),
            Measurement(s, false, seconds, s.Ok + s.Fail),
            s.SortIndex)).ToArray();
        return new ScenarioStats(
            scenario.Name,
            Measurement(iterations, true, seconds, all),
            Measurement(iterations, false, seconds, all),
            steps,
            Simulation(scenario.Plan, measured),
            operation,
            Count(all),
            Count(iterations.Ok),
            Count(iterations.Fail),
            iterations.Bytes,
            measured)
        {
            Model = scenario.Plan.Model,
            TargetRate = Math.Round(targetRate, 3),
            AchievedRate = Math.Round(achievedRate, 3),
            Late = stats.Late,
            Dropped = stats.Dropped,
            Lateness = Latency(stats.Lateness),
        };
    }

    /// <summary>
    /// The final statistics of a run from its <see cref="AgentOutput"/> — one agent's, or N agents' merged — so the
    /// final thresholds see the same numbers whether the test ran on one machine or many.
    /// </summary>
    public static ScenarioStats Scenario(AgentOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = Math.Max(output.DurationS, 1e-9);
        var it = output.Iterations;
        var all = it.Ok.Count + it.Fail.Count;
        var steps = output.Steps.Select((s, i) => new StepStats(
            s.Name,
            Measurement(s, true, seconds, s.Ok.Count + s.Fail.Count),
            Measurement(s, false, seconds, s.Ok.Count + s.Fail.Count),
            i + 1)).ToArray();
        return new ScenarioStats(
            output.Scenario,
            Measurement(it, true, seconds, all),
            Measurement(it, false, seconds, all),
            steps,
            output.Simulation,
            OperationType.Complete,
            Count(all),
            Count(it.Ok.Count),
            Count(it.Fail.Count),
            it.Ok.Bytes + it.Fail.Bytes,
            TimeSpan.FromSeconds(output.DurationS))
        {
            Model = output.Model,
            TargetRate = Math.Round(output.TargetRate ?? 0, 3),
            AchievedRate = Math.Round(output.AchievedRate, 3),
            Late = output.Late,
            Dropped = output.Dropped,
            Lateness = Latency(LatencyHistogram.FromSnapshot(output.Lateness)),
        };
    }

    public static LatencyStats Latency(LatencyHistogram h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new LatencyStats(
            Ms(h.Min), Math.Round(h.Mean / 1000, 3), Ms(h.Max),
            Ms(h.ValueAtPercentile(50)), Ms(h.ValueAtPercentile(75)), Ms(h.ValueAtPercentile(95)), Ms(h.ValueAtPercentile(99)),
            Math.Round(h.StdDev / 1000, 3),
            new LatencyCount(Count(h.CountAtOrBelow(800_000)), Count(h.CountAtOrBelow(1_200_000 - 1) - h.CountAtOrBelow(800_000)),
                Count(h.Count - h.CountAtOrBelow(1_200_000 - 1))))
        {
            Percent999 = Ms(h.ValueAtPercentile(99.9)),
        };
    }

    private static MeasurementStats Measurement(StepStatistics s, bool ok, double seconds, long all)
    {
        var o = ok ? s.OkStats : s.FailStats;
        var codes = s.ByStatus
            .Where(p => p.Value.IsError != ok)
            .OrderByDescending(p => p.Value.Count)
            .Select(p => new StatusCodeStats(p.Key, p.Value.IsError, p.Value.Message, Count(p.Value.Count), Percent(p.Value.Count, all)))
            .ToArray();
        return new MeasurementStats(
            new RequestStats(Count(o.Count), Percent(o.Count, all), Math.Round(o.Count / seconds, 3)),
            Latency(o.Corrected),
            new DataTransferStats(o.MinBytes, o.Count == 0 ? 0 : o.Bytes / o.Count, o.MaxBytes, o.Bytes),
            codes)
        {
            ServiceTime = Latency(o.Service),
        };
    }

    private static MeasurementStats Measurement(StepOutput s, bool ok, double seconds, long all)
    {
        var o = ok ? s.Ok : s.Fail;
        var codes = s.ByStatus
            .Where(p => p.Value.IsError != ok)
            .OrderByDescending(p => p.Value.Corrected.Count)
            .Select(p => new StatusCodeStats(p.Key, p.Value.IsError, p.Value.Message, Count(p.Value.Corrected.Count), Percent(p.Value.Corrected.Count, all)))
            .ToArray();
        return new MeasurementStats(
            new RequestStats(Count(o.Count), Percent(o.Count, all), Math.Round(o.Count / seconds, 3)),
            Latency(LatencyHistogram.FromSnapshot(o.Corrected)),
            new DataTransferStats(o.MinBytes, o.Count == 0 ? 0 : o.Bytes / o.Count, o.MaxBytes, o.Bytes),
            codes)
        {
            ServiceTime = Latency(LatencyHistogram.FromSnapshot(o.Service)),
        };
    }

    private static LoadSimulationStats Simulation(LoadPlan plan, TimeSpan at) =>
        plan.IsOpen
            ? new LoadSimulationStats("inject", Math.Round(plan.RateAt(at), 1))
            : new LoadSimulationStats("keep_constant", plan.CopiesAt(at));

    private static double Percent(long part, long all) => all == 0 ? 0 : Math.Round(100.0 * part / all, 2);

    private static int Count(long value) => (int)Math.Min(int.MaxValue, value);

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
