using Microsoft.Extensions.Logging;

namespace Harness.Load.Engine;

/// <summary>A failed step ends its iteration (RestartIterationOnFail): the engine records the iteration with this response.</summary>
internal sealed class StepFailedException(IResponse response) : Exception("step failed")
{
    public IResponse Response { get; } = response;
}

/// <summary>The context one iteration runs with; <see cref="Step.Run{T}"/> records its steps through it.</summary>
internal sealed class ScenarioContext : IScenarioContext
{
    private readonly ScenarioRuntime _scenario;
    private readonly TimeProvider _time;
    private readonly long _lateMicros;
    private readonly bool _measured;
    private readonly int _seed;
    private Dictionary<string, object>? _data;
    private Dictionary<string, object>? _instanceData;
    private Random? _random;

    /// <param name="seed">The iteration's seed: <see cref="Random"/> is made from it when first asked for (most
    /// iterations never ask), so the same seed still gives the same numbers.</param>
    /// <param name="instanceData">The closed-model copy's data; null in the open model (a fresh one when first asked for).</param>
    public ScenarioContext(ScenarioRuntime scenario, long invocation, ScenarioInfo info, int seed, Dictionary<string, object>? instanceData,
        TimeProvider time, long lateMicros, bool measured, CancellationToken cancellationToken)
    {
        _scenario = scenario;
        InvocationNumber = invocation;
        ScenarioInfo = info;
        _seed = seed;
        _instanceData = instanceData;
        _time = time;
        _lateMicros = lateMicros;
        _measured = measured;
        ScenarioCancellationToken = cancellationToken;
    }

    public TestInfo TestInfo => _scenario.TestInfo;

    public ScenarioInfo ScenarioInfo { get; }

    public NodeInfo NodeInfo => NodeInfo.Current;

    public ILogger Logger => _scenario.Logger;

    public long InvocationNumber { get; }

    public Dictionary<string, object> Data => _data ??= new Dictionary<string, object>(StringComparer.Ordinal);

    public Dictionary<string, object> ScenarioInstanceData => _instanceData ??= new Dictionary<string, object>(StringComparer.Ordinal);

    public CancellationToken ScenarioCancellationToken { get; }

    public Random Random => _random ??= new Random(_seed);

    public Uri? Target => _scenario.Target;

    /// <summary>The status of the last step that ran: the iteration's status when the scenario's own response has none.</summary>
    internal string LastStatusCode { get; private set; } = "";

    internal long SizeBytes { get; private set; }

    public void StopScenario(string scenarioName, string reason) => _scenario.Run.StopScenario(scenarioName, reason);

    public void StopCurrentTest(string reason) => _scenario.Run.StopTest(reason);

    internal async Task<Response<T>> RunStepAsync<T>(string name, Func<Task<Response<T>>> run)
    {
        var start = _time.GetTimestamp();
        Response<T> response;
        try
        {
            response = await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ScenarioCancellationToken.IsCancellationRequested)
        {
            throw; // stopped mid-step: the iteration is neither ok nor failed
        }
        catch (StepFailedException)
        {
            throw; // a nested step already failed and recorded itself
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A step that throws is a failed call (timeouts, refused connections, a failed check), not a broken run.
            _scenario.Stats.CountError($"{name}: {ex.GetType().Name}");
            response = Response.Fail<T>(message: ex.Message);
        }

        var serviceMicros = response.LatencyMs > 0
            ? (long)(response.LatencyMs * 1000)
            : (long)(_time.GetElapsedTime(start).Ticks / 10);
        if (ScenarioCancellationToken.IsCancellationRequested)
            throw new OperationCanceledException(ScenarioCancellationToken);
        if (response.StatusCode.Length > 0)
            LastStatusCode = response.StatusCode;
        SizeBytes += response.SizeBytes;
        // The step's corrected latency adds how late its iteration started to what the step itself took.
        var correctedMicros = serviceMicros + _lateMicros;
        if (_measured)
            _scenario.Stats.Step(name).Record(!response.IsError, response.StatusCode, response.Message, response.SizeBytes, correctedMicros, serviceMicros);
        _scenario.Observe(new Measurement(_scenario.Name, name, !response.IsError, response.StatusCode, response.SizeBytes, correctedMicros / 1000.0, serviceMicros / 1000.0));
        if (response.IsError && _scenario.Props.RestartIterationOnFail)
            throw new StepFailedException(response);
        return response;
    }
}
