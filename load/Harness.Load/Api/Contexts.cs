using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Harness.Load;

/// <summary>The test session: its id, suite and name (<c>WithTestSuite</c>, <c>WithTestName</c>).</summary>
public sealed record TestInfo(string SessionId, string TestSuite, string TestName);

/// <summary>The machine the run is on.</summary>
public sealed record NodeInfo(string MachineName, string OS, string DotNetVersion, int CoresCount, string HarnessVersion)
{
    internal static NodeInfo Current { get; } = new(
        Environment.MachineName,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Environment.Version.ToString(),
        Environment.ProcessorCount,
        typeof(NodeInfo).Assembly.GetName().Version?.ToString() ?? "0");
}

public enum ScenarioOperation
{
    Init = 0,
    Clean = 1,
    WarmUp = 2,
    Bombing = 3,
}

/// <summary>Which scenario instance runs: in the open model each iteration is its own instance.</summary>
public sealed record ScenarioInfo(string InstanceId, int InstanceNumber, string ScenarioName, TimeSpan ScenarioDuration, ScenarioOperation ScenarioOperation);

/// <summary>The scenario's partition: in a distributed test (<c>--agents N --agent-index K</c>) agent K is number K + 1 of N; one machine is 1 of 1.</summary>
public sealed record ScenarioPartition(int Number, int Count)
{
    public static ScenarioPartition Empty { get; } = new(1, 1);
}

/// <summary>What a running iteration sees (NBomber's IScenarioContext).</summary>
public interface IScenarioContext
{
    TestInfo TestInfo { get; }

    ScenarioInfo ScenarioInfo { get; }

    NodeInfo NodeInfo { get; }

    ILogger Logger { get; }

    /// <summary>The iteration's number, from 1, in the order iterations were scheduled (warm-up included; weighted scenarios share one count).</summary>
    long InvocationNumber { get; }

    /// <summary>This iteration's data, shared between its steps; a fresh dictionary every iteration.</summary>
    Dictionary<string, object> Data { get; }

    /// <summary>Data kept for the scenario instance (a closed-model copy keeps it across its iterations).</summary>
    Dictionary<string, object> ScenarioInstanceData { get; }

    /// <summary>Fires when the scenario stops (end of run, Ctrl-C, StopScenario, an aborting threshold).</summary>
    CancellationToken ScenarioCancellationToken { get; }

    /// <summary>Seeded from the run seed and the iteration number: a run's random choices are reproducible.</summary>
    Random Random { get; }

    /// <summary>Harness: the run's target (<c>--target</c> or <c>WithTarget</c>), already checked against the remote-target rule; null when none was given.</summary>
    Uri? Target { get; }

    void StopScenario(string scenarioName, string reason);

    void StopCurrentTest(string reason);
}

/// <summary>What a scenario's Init and Clean see (NBomber's IScenarioInitContext).</summary>
public interface IScenarioInitContext
{
    TestInfo TestInfo { get; }

    ScenarioInfo ScenarioInfo { get; }

    NodeInfo NodeInfo { get; }

    /// <summary>Always empty here: Harness has no JSON config file for scenarios; use your own settings.</summary>
    IConfiguration CustomSettings { get; }

    ScenarioPartition ScenarioPartition { get; }

    ILogger Logger { get; }

    /// <summary>Harness: the run's target, as on <see cref="IScenarioContext.Target"/>.</summary>
    Uri? Target { get; }

    /// <summary>Harness: the run seed (<c>--seed</c>), for reproducible test data.</summary>
    int Seed { get; }

    /// <summary>Harness: the run is stopping (Ctrl-C); long Init work should stop too.</summary>
    CancellationToken CancellationToken { get; }
}

/// <summary>What a reporting sink's Init sees (NBomber's IBaseContext).</summary>
public interface IBaseContext
{
    TestInfo TestInfo { get; }

    NodeInfo GetNodeInfo();

    ILogger Logger { get; }
}
