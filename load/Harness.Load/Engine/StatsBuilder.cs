namespace Harness.Load.Engine;

/// <summary>Builds NBomber-shaped statistics from what the engine measured (live snapshots and the final ones).</summary>
internal static class StatsBuilder
{
    /// <summary>A live snapshot of a running scenario, built as the final statistics are (from its histograms' snapshots).</summary>
    public static ScenarioStats Scenario(ScenarioRuntime scenario, TimeSpan measured, OperationType operation,
        double targetRate = 0, double achievedRate = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var stats = scenario.Stats;
        return Build(scenario.Name, StepOutput.From(stats.Iterations), stats.Steps.Select(StepOutput.From).ToArray(), Simulation(scenario.Plan, measured),
            operation, measured, scenario.Plan.Model, targetRate, achievedRate, stats.Late, stats.Dropped, stats.Lateness);
    }

    /// <summary>
    /// The final statistics of a run from its <see cref="AgentOutput"/> — one agent's, or N agents' merged — so the
    /// final thresholds see the same numbers whether the test ran on one machine or many.
    /// </summary>
    public static ScenarioStats Scenario(AgentOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Build(output.Scenario, output.Iterations, output.Steps, output.Simulation, OperationType.Complete, TimeSpan.FromSeconds(output.DurationS),
            output.Model, output.TargetRate ?? 0, output.AchievedRate, output.Late, output.Dropped, LatencyHistogram.FromSnapshot(output.Lateness));
    }

    private static ScenarioStats Build(string name, StepOutput it, IReadOnlyList<StepOutput> stepOutputs, LoadSimulationStats simulation, OperationType operation,
        TimeSpan measured, string model, double targetRate, double achievedRate, long late, long dropped, LatencyHistogram lateness)
    {
        var seconds = Math.Max(measured.TotalSeconds, 1e-9);
        var all = it.Ok.Count + it.Fail.Count;
        var steps = stepOutputs.Select((s, i) => new StepStats(
            s.Name,
            Measurement(s, true, seconds, s.Ok.Count + s.Fail.Count),
            Measurement(s, false, seconds, s.Ok.Count + s.Fail.Count),
            i + 1)).ToArray();
        return new ScenarioStats(
            name,
            Measurement(it, true, seconds, all),
            Measurement(it, false, seconds, all),
            steps,
            simulation,
            operation,
            Count(all),
            Count(it.Ok.Count),
            Count(it.Fail.Count),
            it.Ok.Bytes + it.Fail.Bytes,
            measured)
        {
            Model = model,
            TargetRate = Math.Round(targetRate, 3),
            AchievedRate = Math.Round(achievedRate, 3),
            Late = late,
            Dropped = dropped,
            Lateness = Latency(lateness),
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
