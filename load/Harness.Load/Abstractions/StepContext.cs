namespace Harness.Load;

/// <summary>What a measured step sees: the iteration, the scenario's Init data, cancellation and a seeded Random.</summary>
public sealed class StepContext
{
    private object? _state;

    internal StepContext(long iteration, object? scenarioData, Random random, CancellationToken cancellationToken)
    {
        Iteration = iteration;
        ScenarioData = scenarioData;
        Random = random;
        CancellationToken = cancellationToken;
    }

    /// <summary>0-based iteration number across the whole run (warm-up included).</summary>
    public long Iteration { get; }

    /// <summary>Whatever the scenario's Init step returned (sessions, confirmed contracts...).</summary>
    public object? ScenarioData { get; }

    /// <summary>Seeded per iteration from the run seed, so a run is reproducible whatever the thread interleaving.</summary>
    public Random Random { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// What earlier steps of this iteration leave for later ones (the offer the contract step buys, a session id):
    /// one instance per iteration, created on first use.
    /// </summary>
    public T State<T>()
        where T : class, new()
    {
        _state ??= new T();
        return _state as T ?? throw new InvalidOperationException(
            $"Iteration state is {_state.GetType().Name}, not {typeof(T).Name}: every step of a scenario must use the same state type.");
    }

    /// <summary>The Init data, typed; throws a clear error when the scenario's Init returned something else.</summary>
    public T Data<T>() => ScenarioData is T data
        ? data
        : throw new InvalidOperationException(
            $"Scenario data is {ScenarioData?.GetType().Name ?? "null"}, not {typeof(T).Name}: check the scenario's Init step.");
}
