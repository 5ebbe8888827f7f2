using System.Runtime.CompilerServices;

namespace Harness.Load;

/// <summary>
/// A scenario as NBomber 5 builds it: a name, the function one iteration runs, and its settings. Immutable: every
/// <c>With…</c> returns a new one.
/// </summary>
public sealed record ScenarioProps
{
    /// <summary>NBomber's default warm-up.</summary>
    public static readonly TimeSpan DefaultWarmUpDuration = TimeSpan.FromSeconds(30);

    /// <summary>NBomber's default: a scenario stops after this many failed iterations.</summary>
    public const int DefaultMaxFailCount = 5_000;

    internal ScenarioProps(string name, Func<IScenarioContext, Task<IResponse>>? run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ScenarioName = name;
        Run = run;
    }

    public string ScenarioName { get; }

    public Func<IScenarioContext, Task<IResponse>>? Run { get; }

    public Func<IScenarioInitContext, Task>? Init { get; init; }

    public Func<IScenarioInitContext, Task>? Clean { get; init; }

    public TimeSpan? WarmUpDuration { get; init; } = DefaultWarmUpDuration;

    /// <summary>NBomber's default when none is given: KeepConstant(1 copy, 1 minute).</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; init; } = [Simulation.KeepConstant(copies: 1, during: TimeSpan.FromMinutes(1))];

    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    public bool RestartIterationOnFail { get; init; } = true;

    public int MaxFailCount { get; init; } = DefaultMaxFailCount;

    public int? Weight { get; init; }

    /// <summary>Harness: arrivals beyond this many in-flight iterations wait (and count as late); beyond the backlog they are dropped.</summary>
    public int MaxInFlight { get; init; } = 4096;

    /// <summary>The warm-up is the first <see cref="WarmUpDuration"/> of <see cref="LoadSimulations"/> (built from CLI flags), not a phase in front of them.</summary>
    internal bool WarmUpIncluded { get; init; }
}

/// <summary>NBomber's scenario factory and its <c>With…</c> settings.</summary>
public static class Scenario
{
    public static ScenarioProps Create(string name, Func<IScenarioContext, Task<IResponse>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ScenarioProps(name, run);
    }

    /// <summary>A scenario with no iteration function: only its Init and Clean run (e.g. to seed data).</summary>
    public static ScenarioProps Empty(string name) => new(name, null);

    public static ScenarioProps WithInit(this ScenarioProps scenario, Func<IScenarioInitContext, Task> initFunc) =>
        Check(scenario) with { Init = initFunc ?? throw new ArgumentNullException(nameof(initFunc)) };

    public static ScenarioProps WithClean(this ScenarioProps scenario, Func<IScenarioInitContext, Task> cleanFunc) =>
        Check(scenario) with { Clean = cleanFunc ?? throw new ArgumentNullException(nameof(cleanFunc)) };

    public static ScenarioProps WithWarmUpDuration(this ScenarioProps scenario, TimeSpan duration) =>
        duration < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(duration), duration, "warm-up must be ≥ 0")
            : Check(scenario) with { WarmUpDuration = duration };

    public static ScenarioProps WithoutWarmUp(this ScenarioProps scenario) => Check(scenario) with { WarmUpDuration = null };

    public static ScenarioProps WithLoadSimulations(this ScenarioProps scenario, params LoadSimulation[] loadSimulations)
    {
        ArgumentNullException.ThrowIfNull(loadSimulations);
        if (loadSimulations.Length == 0)
            throw new ArgumentException($"scenario '{Check(scenario).ScenarioName}': give at least one load simulation", nameof(loadSimulations));
        return Check(scenario) with { LoadSimulations = [.. loadSimulations] };
    }

    public static ScenarioProps WithThresholds(this ScenarioProps scenario, params Threshold[] thresholds) =>
        Check(scenario) with { Thresholds = [.. thresholds ?? throw new ArgumentNullException(nameof(thresholds))] };

    public static ScenarioProps WithRestartIterationOnFail(this ScenarioProps scenario, bool shouldRestart) =>
        Check(scenario) with { RestartIterationOnFail = shouldRestart };

    public static ScenarioProps WithMaxFailCount(this ScenarioProps scenario, int maxFailCount) =>
        maxFailCount < 1
            ? throw new ArgumentOutOfRangeException(nameof(maxFailCount), maxFailCount, "max fail count must be ≥ 1")
            : Check(scenario) with { MaxFailCount = maxFailCount };

    public static ScenarioProps WithWeight(this ScenarioProps scenario, int weight) =>
        weight < 1
            ? throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be ≥ 1")
            : Check(scenario) with { Weight = weight };

    /// <summary>Harness: the open model's in-flight cap (default 4096).</summary>
    public static ScenarioProps WithMaxInFlight(this ScenarioProps scenario, int maxInFlight) =>
        maxInFlight < 1
            ? throw new ArgumentOutOfRangeException(nameof(maxInFlight), maxInFlight, "max in-flight must be ≥ 1")
            : Check(scenario) with { MaxInFlight = maxInFlight };

    private static ScenarioProps Check(ScenarioProps scenario, [CallerArgumentExpression(nameof(scenario))] string name = "") =>
        scenario ?? throw new ArgumentNullException(name);
}

/// <summary>NBomber's step: measures one named part of an iteration and records it under its name.</summary>
public static class Step
{
    /// <summary>
    /// Runs <paramref name="run"/> as the step <paramref name="name"/>, records its latency (corrected and service time),
    /// status and size, and returns its response. A step that throws is a failed step (counted under
    /// <c>&lt;step&gt;: &lt;exception type&gt;</c>). With RestartIterationOnFail (the default) a failed step ends the iteration.
    /// </summary>
    public static async Task<Response<T>> Run<T>(string name, IScenarioContext context, Func<Task<Response<T>>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        if (context is not Engine.ScenarioContext scenario)
            throw new ArgumentException("Step.Run needs the IScenarioContext the runner passed to the scenario", nameof(context));
        return await scenario.RunStepAsync(name, run).ConfigureAwait(false);
    }
}
