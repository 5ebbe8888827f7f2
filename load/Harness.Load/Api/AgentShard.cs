using System.Globalization;

namespace Harness.Load;

/// <summary>
/// Harness: agent <see cref="AgentIndex"/> of <see cref="AgentCount"/> in a distributed test (a GitHub Actions matrix,
/// a Kubernetes Indexed Job). Each agent runs 1/N of every scenario's load so that the agents' shares add up exactly:
/// rates, copies and iteration counts are split with the remainder going to the lowest indices (1,000/s over 3 agents
/// is 334 + 333 + 333), and each agent's seed differs, so no two agents draw the same test data.
/// </summary>
public sealed record AgentShard
{
    /// <summary>The environment variable a Kubernetes Indexed Job sets on each pod.</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The environment variable the GitHub Actions workflow (or any other engine) sets.</summary>
    public const string IndexVariable = "HARNESS_AGENT_INDEX";

    public AgentShard(int agentCount, int agentIndex)
    {
        if (agentCount < 1)
            throw new ArgumentOutOfRangeException(nameof(agentCount), agentCount, "--agents must be ≥ 1");
        if (agentIndex < 0 || agentIndex >= agentCount)
            throw new ArgumentOutOfRangeException(nameof(agentIndex), agentIndex, $"--agent-index must be in 0..{agentCount - 1} for --agents {agentCount}");
        AgentCount = agentCount;
        AgentIndex = agentIndex;
    }

    public int AgentCount { get; }

    public int AgentIndex { get; }

    /// <summary>One agent: the whole test.</summary>
    public static AgentShard Single { get; } = new(1, 0);

    /// <summary>
    /// The index from <c>--agent-index</c>, else <c>JOB_COMPLETION_INDEX</c>, else <c>HARNESS_AGENT_INDEX</c>; an error
    /// naming them when none is set (or one is not a number).
    /// </summary>
    public static AgentShard Resolve(int agentCount, int? agentIndex, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (agentIndex is { } explicitIndex)
            return new AgentShard(agentCount, explicitIndex);
        foreach (var variable in new[] { KubernetesIndexVariable, IndexVariable })
        {
            if (environment(variable) is not { Length: > 0 } text)
                continue;
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? new AgentShard(agentCount, index)
                : throw new ArgumentException($"{variable}='{text}' is not an agent index (0..{agentCount - 1})");
        }

        return agentCount == 1
            ? Single
            : throw new ArgumentException($"--agents {agentCount} needs this agent's index: pass --agent-index K or set {KubernetesIndexVariable} or {IndexVariable}");
    }

    /// <summary>This agent's share of a whole count: ⌊total/N⌋, plus one for the first total mod N agents; the shares sum to <paramref name="total"/>.</summary>
    public long Share(long total)
    {
        if (total < 0)
            throw new ArgumentOutOfRangeException(nameof(total), total, "a count to split must be ≥ 0");
        return (total / AgentCount) + (AgentIndex < total % AgentCount ? 1 : 0);
    }

    /// <summary>This agent's share of a rate: whole rates split as counts (334 + 333 + 333); a fractional rate divides evenly.</summary>
    public double Share(double rate) =>
        rate >= 0 && rate == Math.Floor(rate) && rate < long.MaxValue / Math.Max(1, AgentCount)
            ? Share((long)rate)
            : rate / AgentCount;

    /// <summary>NBomber's partition of this agent: number K + 1 of N (a single machine is 1 of 1).</summary>
    public ScenarioPartition Partition => new(AgentIndex + 1, AgentCount);

    /// <summary>This agent's seed: seed·N + K, distinct for every agent of a test (and the seed itself for one agent).</summary>
    public int Seed(int seed) => unchecked((seed * AgentCount) + AgentIndex);

    /// <summary>This agent's share of one load simulation (durations and intervals unchanged, so the agents' time series line up).</summary>
    public LoadSimulation Apply(LoadSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return simulation switch
        {
            LoadSimulation.Inject i => i with { Rate = Share(i.Rate) },
            LoadSimulation.RampingInject r => r with { Rate = Share(r.Rate) },
            LoadSimulation.InjectRandom x => x with { MinRate = Share(x.MinRate), MaxRate = Share(x.MaxRate) },
            LoadSimulation.IterationsForInject f => f with { Rate = Share(f.Rate), Iterations = NonZero((int)Share((long)f.Iterations), "IterationsForInject iterations", f.Iterations) },
            LoadSimulation.KeepConstant k => k with { Copies = (int)Share((long)k.Copies) },
            LoadSimulation.RampingConstant r => r with { Copies = (int)Share((long)r.Copies) },
            LoadSimulation.IterationsForConstant c => c with
            {
                Copies = NonZero((int)Share((long)c.Copies), "IterationsForConstant copies", c.Copies),
                Iterations = NonZero((int)Share((long)c.Iterations), "IterationsForConstant iterations", c.Iterations),
            },
            _ => simulation,
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"agent {AgentIndex} of {AgentCount}");

    private int NonZero(int share, string what, int total) =>
        share > 0
            ? share
            : throw new ArgumentException($"{what} {total} cannot be split over {AgentCount} agents (agent {AgentIndex} would get none): use at most {total} agents");
}
