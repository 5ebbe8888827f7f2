namespace Harness.Load.Tests.Distributed;

/// <summary>Shards: each of N agents runs 1/N of the load, the shares adding up exactly; pure functions, no clock.</summary>
public sealed class AgentShardTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Rate_1000Over3_Is334Plus333Plus333()
    {
        var shares = Enumerable.Range(0, 3).Select(k => new AgentShard(3, k).Share(1000.0)).ToArray();

        shares.Should().Equal(334, 333, 333);
    }

    [Theory]
    [InlineData(1000, 3)]
    [InlineData(7, 4)]
    [InlineData(2, 5)]
    [InlineData(900, 3)]
    [InlineData(12_345, 7)]
    public void Shares_SumExactly_AndDifferByAtMostOne(long total, int agents)
    {
        var shares = Enumerable.Range(0, agents).Select(k => new AgentShard(agents, k).Share(total)).ToArray();

        shares.Sum().Should().Be(total);
        (shares.Max() - shares.Min()).Should().BeLessThanOrEqualTo(1);
        shares.Should().BeInDescendingOrder("the remainder goes to the lowest indices");
    }

    [Fact]
    public void FractionalRate_DividesEvenly()
    {
        Enumerable.Range(0, 4).Sum(k => new AgentShard(4, k).Share(10.5)).Should().BeApproximately(10.5, 1e-12);
    }

    [Fact]
    public void Copies_SplitTheSameWay_AndEverySimulationKindIsSplit()
    {
        var agents = Enumerable.Range(0, 3).Select(k => new AgentShard(3, k)).ToArray();

        agents.Select(a => ((LoadSimulation.KeepConstant)a.Apply(new LoadSimulation.KeepConstant(10, Second))).Copies).Should().Equal(4, 3, 3);
        agents.Select(a => ((LoadSimulation.RampingConstant)a.Apply(new LoadSimulation.RampingConstant(5, Second))).Copies).Should().Equal(2, 2, 1);
        agents.Select(a => a.Apply(new LoadSimulation.IterationsForConstant(6, 100))).Should().Equal(
            new LoadSimulation.IterationsForConstant(2, 34), new LoadSimulation.IterationsForConstant(2, 33), new LoadSimulation.IterationsForConstant(2, 33));
        agents.Select(a => a.Apply(new LoadSimulation.RampingInject(100, Second, Second))).Should().Equal(
            new LoadSimulation.RampingInject(34, Second, Second), new LoadSimulation.RampingInject(33, Second, Second), new LoadSimulation.RampingInject(33, Second, Second));
        agents[0].Apply(new LoadSimulation.Pause(Second)).Should().Be(new LoadSimulation.Pause(Second));
    }

    [Fact]
    public void TooFewCopiesForTheAgents_IsAClearError()
    {
        var act = () => new AgentShard(3, 2).Apply(new LoadSimulation.IterationsForConstant(2, 100));

        act.Should().Throw<ArgumentException>().WithMessage("*copies 2 cannot be split over 3 agents*");
    }

    [Fact]
    public void Seeds_AreDistinctAcrossAgents_AndOneAgentKeepsTheSeed()
    {
        Enumerable.Range(0, 16).Select(k => new AgentShard(16, k).Seed(42)).Should().OnlyHaveUniqueItems();
        AgentShard.Single.Seed(42).Should().Be(42);
    }

    [Fact]
    public void Index_ComesFromTheFlag_ThenKubernetes_ThenTheWorkflowVariable()
    {
        var env = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "2", ["HARNESS_AGENT_INDEX"] = "1" };

        AgentShard.Resolve(3, 0, env.GetValueOrDefault).AgentIndex.Should().Be(0);
        AgentShard.Resolve(3, null, env.GetValueOrDefault).AgentIndex.Should().Be(2);
        env.Remove("JOB_COMPLETION_INDEX");
        AgentShard.Resolve(3, null, env.GetValueOrDefault).AgentIndex.Should().Be(1);
    }

    [Fact]
    public void MissingOrBadIndex_IsAClearError()
    {
        var none = () => AgentShard.Resolve(3, null, _ => null);
        var bad = () => AgentShard.Resolve(3, null, v => v == "JOB_COMPLETION_INDEX" ? "x" : null);
        var outOfRange = () => AgentShard.Resolve(3, 3, _ => null);

        none.Should().Throw<ArgumentException>().WithMessage("*--agent-index*JOB_COMPLETION_INDEX*HARNESS_AGENT_INDEX*");
        bad.Should().Throw<ArgumentException>().WithMessage("*JOB_COMPLETION_INDEX='x'*");
        outOfRange.Should().Throw<ArgumentException>().WithMessage("*0..2*");
    }

    [Fact]
    public void Cli_AgentsFlags_SplitTheRateInTheRun()
    {
        var context = RunArgs.Apply(Partner(), ["--rate", "1000", "--duration", "5s", "--agents", "3", "--agent-index", "1", "--seed", "7"], out var error);

        error.Should().BeNull();
        var agent = RunSession.ForAgent(context!);
        agent.Shard.Should().Be(new AgentShard(3, 1));
        agent.Scenarios.Single().LoadSimulations.Should().Equal(new LoadSimulation.Inject(333, Second, TimeSpan.FromSeconds(5)));
        agent.Seed.Should().Be((7 * 3) + 1);
    }

    [Fact]
    public void Cli_AgentIndexWithoutAgents_AndALocalStartAt_AreRefused()
    {
        RunArgs.Apply(Partner(), ["--agent-index", "1"], out var e1).Should().BeNull();
        e1.Should().Contain("--agent-index needs --agents");
        RunArgs.Apply(Partner(), ["--start-at", "2026-01-01T12:00:00"], out var e2).Should().BeNull();
        e2.Should().Contain("--start-at").And.Contain("not a UTC instant");
    }

    [Fact]
    public void StartAt_IsParsedAsUtc_AndTheWaitIsItsDistanceFromNow()
    {
        var context = RunArgs.Apply(Partner(), ["--start-at", "2026-01-01T13:00:00+01:00"], out _)!;
        var at = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        context.StartAt.Should().Be(at);
        context.StartAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        RunSession.StartDelay(at, at.AddSeconds(-2.5)).Should().Be(TimeSpan.FromSeconds(2.5));
        RunSession.StartDelay(at, at.AddSeconds(1)).Should().BeNull("a late agent starts at once; its offset is reported");
        RunSession.StartDelay(null, at).Should().BeNull();
    }

    private static LoadRunnerContext Partner() =>
        LoadRunner.RegisterScenarios(Scenario.Create("partner", _ => Task.FromResult<IResponse>(Response.Ok())).WithoutWarmUp());
}
