using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Harness.Load.Engine;

/// <summary>A step or iteration just measured, for the live sinks (System.Diagnostics.Metrics, JSON lines).</summary>
internal readonly record struct Measurement(string Scenario, string? Step, bool IsOk, string StatusCode, long SizeBytes, double LatencyMs, double ServiceTimeMs);

/// <summary>Receives every measurement as it happens (a sink that publishes live instruments).</summary>
internal interface IMeasurementObserver
{
    void Observe(in Measurement measurement);
}

/// <summary>One registered scenario while it runs: its settings, statistics, stop switch and failure count.</summary>
internal sealed class ScenarioRuntime : IScenarioInitContext
{
    private readonly CancellationTokenSource _stop;
    private long _fails;
    private string? _stopReason;

    public ScenarioRuntime(ScenarioProps props, LoadPlan plan, RunContext run, CancellationToken runStop)
    {
        Props = props;
        Plan = plan;
        Run = run;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(runStop);
        Stats = new RunStatistics(plan.Duration ?? TimeSpan.FromHours(1));
        Thresholds = new ThresholdChecker(props.ScenarioName, props.Thresholds);
        ScenarioInfo = new ScenarioInfo("init", 0, props.ScenarioName, plan.Duration ?? TimeSpan.Zero, ScenarioOperation.Init);
    }

    public ScenarioProps Props { get; }

    public string Name => Props.ScenarioName;

    public LoadPlan Plan { get; }

    public RunContext Run { get; }

    public RunStatistics Stats { get; }

    public ThresholdChecker Thresholds { get; }

    public CancellationToken StopToken => _stop.Token;

    public string? StopReason => Volatile.Read(ref _stopReason);

    public long FailCount => Interlocked.Read(ref _fails);

    public TestInfo TestInfo => Run.TestInfo;

    public ScenarioInfo ScenarioInfo { get; set; }

    /// <summary>The closed model's per-copy infos (the engine's cache: two per copy, warm-up and measured).</summary>
    internal ScenarioInfo?[]? CopyInfos { get; set; }

    public NodeInfo NodeInfo => NodeInfo.Current;

    public IConfiguration CustomSettings => EmptyConfiguration.Instance;

    public ScenarioPartition ScenarioPartition => Run.Partition;

    public ILogger Logger => Run.Logger;

    public Uri? Target => Run.Target;

    public int Seed => Run.Seed;

    public CancellationToken CancellationToken => _stop.Token;

    public void Stop(string reason)
    {
        Interlocked.CompareExchange(ref _stopReason, reason, null);
        _stop.Cancel();
    }

    /// <summary>Counts a failed iteration; past WithMaxFailCount the scenario stops, as in NBomber.</summary>
    public void CountFail()
    {
        if (Interlocked.Increment(ref _fails) == Props.MaxFailCount)
            Stop($"scenario '{Name}' reached its max fail count ({Props.MaxFailCount}, WithMaxFailCount)");
    }

    public void Observe(in Measurement measurement)
    {
        var observers = Run.Observers;
        for (var i = 0; i < observers.Count; i++)
            observers[i].Observe(measurement);
    }

    public void DisposeStop() => _stop.Dispose();
}

/// <summary>What every scenario of a run shares: the test, the logger, the target, the seed, the live observers, the stop switch.</summary>
internal sealed class RunContext(TestInfo testInfo, ILogger logger, Uri? target, int seed, IReadOnlyList<IMeasurementObserver> observers)
{
    private string? _stopReason;

    public TestInfo TestInfo { get; } = testInfo;

    public ILogger Logger { get; } = logger;

    public Uri? Target { get; } = target;

    public int Seed { get; } = seed;

    /// <summary>This agent's share of a distributed test (<see cref="AgentShard.Partition"/>); 1 of 1 on one machine.</summary>
    public ScenarioPartition Partition { get; init; } = ScenarioPartition.Empty;

    public IReadOnlyList<IMeasurementObserver> Observers { get; } = observers;

    public CancellationTokenSource StopAll { get; } = new();

    public IReadOnlyList<ScenarioRuntime> Scenarios { get; set; } = [];

    public string? StopReason => Volatile.Read(ref _stopReason);

    public void StopTest(string reason)
    {
        Interlocked.CompareExchange(ref _stopReason, reason, null);
        StopAll.Cancel();
    }

    public void StopScenario(string scenarioName, string reason)
    {
        var scenario = Scenarios.FirstOrDefault(s => s.Name == scenarioName)
            ?? throw new ArgumentException($"StopScenario: no scenario '{scenarioName}'; registered: {string.Join(", ", Scenarios.Select(s => s.Name))}", nameof(scenarioName));
        scenario.Stop(reason);
    }
}

/// <summary>NBomber's CustomSettings without a config file: an empty configuration.</summary>
internal sealed class EmptyConfiguration : IConfiguration
{
    public static EmptyConfiguration Instance { get; } = new();

    public string? this[string key]
    {
        get => null;
        set => throw new NotSupportedException("the scenario configuration is read-only");
    }

    public IEnumerable<IConfigurationSection> GetChildren() => [];

    public Microsoft.Extensions.Primitives.IChangeToken GetReloadToken() => NoChange.Instance;

    public IConfigurationSection GetSection(string key) => throw new NotSupportedException(
        $"no custom settings: Harness.Load has no scenario config file (asked for '{key}'); read your own settings in Init");

    private sealed class NoChange : Microsoft.Extensions.Primitives.IChangeToken
    {
        public static NoChange Instance { get; } = new();

        public bool HasChanged => false;

        public bool ActiveChangeCallbacks => false;

        public IDisposable RegisterChangeCallback(Action<object?> callback, object? state) => EmptyDisposable.Instance;
    }

    private sealed class EmptyDisposable : IDisposable
    {
        public static EmptyDisposable Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
