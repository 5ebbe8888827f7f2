using System.Runtime.CompilerServices;

namespace Harness.Load;

/// <summary>
/// A pass/fail rule on a scenario's or a step's statistics, checked while the run goes (every reporting interval, after
/// <c>startCheckAfter</c>) and once at the end. Each failed check counts one error; with <c>abortWhenErrorCount</c>
/// the test stops once a threshold has failed that many times. Any failed threshold fails the run.
/// </summary>
public sealed class Threshold
{
    private Threshold(string? stepName, Func<StepStats, bool>? checkStep, Func<ScenarioStats, bool>? checkScenario,
        int? abortWhenErrorCount, TimeSpan? startCheckAfter, string checkExpression)
    {
        if (abortWhenErrorCount is < 1)
            throw new ArgumentOutOfRangeException(nameof(abortWhenErrorCount), abortWhenErrorCount, "abortWhenErrorCount must be ≥ 1");
        if (startCheckAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(startCheckAfter), startCheckAfter, "startCheckAfter must be ≥ 0");
        StepName = stepName;
        CheckStep = checkStep;
        CheckScenario = checkScenario;
        AbortWhenErrorCount = abortWhenErrorCount;
        StartCheckAfter = startCheckAfter;
        CheckExpression = checkExpression;
    }

    public string? StepName { get; }

    public Func<StepStats, bool>? CheckStep { get; }

    public Func<ScenarioStats, bool>? CheckScenario { get; }

    public int? AbortWhenErrorCount { get; }

    public TimeSpan? StartCheckAfter { get; }

    /// <summary>The check's source text (as written at the call), shown in the reports.</summary>
    public string CheckExpression { get; }

    /// <summary>A threshold on the scenario's statistics.</summary>
    public static Threshold Create(
        Func<ScenarioStats, bool> checkScenario,
        int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null,
        [CallerArgumentExpression(nameof(checkScenario))] string checkExpression = "")
    {
        ArgumentNullException.ThrowIfNull(checkScenario);
        return new Threshold(null, null, checkScenario, abortWhenErrorCount, startCheckAfter, checkExpression);
    }

    /// <summary>A threshold on one step's statistics.</summary>
    public static Threshold Create(
        string stepName,
        Func<StepStats, bool> checkStep,
        int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null,
        [CallerArgumentExpression(nameof(checkStep))] string checkExpression = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stepName);
        ArgumentNullException.ThrowIfNull(checkStep);
        return new Threshold(stepName, checkStep, null, abortWhenErrorCount, startCheckAfter, checkExpression);
    }

    /// <summary>Harness: the same threshold, shown in reports as <paramref name="description"/> (e.g. "p99 ≤ 250 ms").</summary>
    public Threshold WithDescription(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new Threshold(StepName, CheckStep, CheckScenario, AbortWhenErrorCount, StartCheckAfter, description);
    }
}

/// <summary>A threshold's outcome in the final statistics.</summary>
public sealed record ThresholdResult(string ScenarioName, string? StepName, string CheckExpression, int ErrorCount, bool IsFailed, string? ExceptionMsg);
