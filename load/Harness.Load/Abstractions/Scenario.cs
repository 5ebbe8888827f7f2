namespace Harness.Load;

/// <summary>A measured step: a name (shown in reports) and the call under load.</summary>
public sealed record LoadStep(string Name, Func<StepContext, ValueTask<StepResult>> Run);

/// <summary>
/// A scenario in NBomber's sense: an optional Init step that prepares state once (not measured), then the measured
/// steps run in order on every iteration.
/// </summary>
public sealed record ScenarioDefinition(string Name, IReadOnlyList<LoadStep> Steps)
{
    public Func<CancellationToken, Task<object?>>? Init { get; init; }

    /// <summary>Runs once after the run (stopped or not): releases what the scenario built, such as its API client.</summary>
    public Func<ValueTask>? Clean { get; init; }
}
