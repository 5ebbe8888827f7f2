namespace Harness.Load.Tests.Distributed;

/// <summary>agent.json: each agent's histograms, bucket for bucket, and its identity, for merge.</summary>
public sealed class AgentOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-agent-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Snapshot_RoundTrips_BucketForBucket()
    {
        var h = new LatencyHistogram();
        var random = new Random(5);
        for (var i = 0; i < 10_000; i++)
            h.Record(random.Next(50, 2_000_000));

        var back = LatencyHistogram.FromSnapshot(h.Snapshot());

        back.Snapshot().Should().BeEquivalentTo(h.Snapshot());
        foreach (var p in new[] { 0.0, 50, 90, 99, 99.9, 100 })
            back.ValueAtPercentile(p).Should().Be(h.ValueAtPercentile(p));
        back.Mean.Should().Be(h.Mean);
    }

    [Fact]
    public void MergedSnapshots_AreTheHistogramOfAllTheValues()
    {
        var all = new LatencyHistogram();
        var parts = Enumerable.Range(0, 3).Select(_ => new LatencyHistogram()).ToArray();
        var random = new Random(9);
        for (var i = 0; i < 30_000; i++)
        {
            var v = (long)(1000 * Math.Exp(random.NextDouble() * 6));
            all.Record(v);
            parts[i % 3].Record(v);
        }

        var merged = new LatencyHistogram();
        foreach (var part in parts)
            merged.Add(LatencyHistogram.FromSnapshot(part.Snapshot()));

        merged.Snapshot().Should().BeEquivalentTo(all.Snapshot(), "merging is exact: the same buckets as one histogram of every value");
    }

    [Fact]
    public void InconsistentSnapshot_IsAClearError()
    {
        var bad = new HistogramSnapshot(7, Count: 3, Sum: 10, Min: 1, Max: 5, Buckets: [[1, 1], [5, 1]]);

        var act = () => LatencyHistogram.FromSnapshot(bad);

        act.Should().Throw<InvalidDataException>().WithMessage("*hold 2 values but its count is 3*");
    }

    [Fact]
    public async Task AShardedRun_WritesAgentJson_WithItsIdentityAndExactCounts()
    {
        var scenario = Scenario.Create("shard", _ => Task.FromResult<IResponse>(Response.Ok(statusCode: "200")))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 40, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));
        var startAt = VirtualRun.Epoch.AddMilliseconds(200);

        var stats = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario)
            .WithOutput(TextWriter.Null, quiet: true)
            .WithReportFolder(_dir)
            .WithAgents(agentCount: 3, agentIndex: 1)
            .WithStartAt(startAt));

        stats.ExitCode.Should().Be(0);
        var agent = AgentOutput.Read(Path.Combine(_dir, AgentOutput.FileName));
        agent.Scenario.Should().Be("shard");
        agent.Version.Should().Be(AgentOutput.LibraryVersion);
        (agent.AgentIndex, agent.AgentCount).Should().Be((1, 3));
        agent.StartAt.Should().Be(startAt.ToUniversalTime());
        agent.ActualStart.Should().BeOnOrAfter(startAt, "the agent waited for --start-at").And.BeCloseTo(startAt, TimeSpan.FromMilliseconds(1), "and no longer");
        agent.Started.Should().Be(13, "40/s over 3 agents is 14 + 13 + 13; agent 1 runs 13");
        agent.Iterations.Ok.Count.Should().Be(13);
        agent.Iterations.Corrected.Count.Should().Be(13);
        agent.Iterations.ByStatus["200"].Corrected.Count.Should().Be(13);
        agent.Series.Sum(b => b.Started).Should().Be(13);
        agent.Series.Sum(b => b.Corrected.Count).Should().Be(13);
        agent.Seed.Should().Be((1 * 3) + 1);
    }
}
