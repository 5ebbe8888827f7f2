namespace Harness.Load.Engine;

/// <summary>How to run one group of scenarios under one plan (one scenario, or weighted scenarios sharing a plan).</summary>
internal sealed record RunOptions(IReadOnlyList<ScenarioRuntime> Scenarios, LoadPlan Plan)
{
    public int Seed { get; init; } = 1;

    /// <summary>Open model: arrivals beyond this many in-flight iterations wait in the backlog and start late.</summary>
    public int MaxInFlight { get; init; } = 4096;

    /// <summary>Open model: arrivals beyond this many waiting ones are dropped (counted, never started).</summary>
    public int MaxBacklog { get; init; } = 100_000;

    /// <summary>An iteration starting later than this after its intended time counts as late.</summary>
    public TimeSpan LateTolerance { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How long in-flight iterations may take to finish once the schedule ends (or the run is stopped).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The clock the engine reads and waits on: the system's in a run; a fake one (FakeTimeProvider) in the engine's tests,
    /// where scheduling, pacing, lateness and the coordinated-omission correction are checked in virtual time.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How the dispatcher waits on a clock other than the system's: by default on one of that clock's timers.</summary>
    public IDispatchPacer? Pacer { get; init; }

    /// <summary>Called about once a second from a timer task (never from the dispatcher).</summary>
    public Action<ProgressSnapshot>? Progress { get; init; }
}

/// <summary>One live progress line's worth of numbers.</summary>
internal sealed record ProgressSnapshot(
    string Scenario,
    TimeSpan Elapsed,
    string Model,
    double TargetRate,
    double AchievedRate,
    double P99CorrectedMs,
    long Errors,
    long InFlight,
    bool WarmingUp,
    bool Draining);

/// <summary>A finished (or stopped) scenario.</summary>
internal sealed record RunOutcome(
    ScenarioRuntime Scenario,
    LoadPlan Plan,
    int Seed,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    TimeSpan MeasuredDuration,
    double TargetRate,
    double AchievedRate,
    bool Incomplete,
    int SeriesSeconds)
{
    public RunStatistics Statistics => Scenario.Stats;
}
