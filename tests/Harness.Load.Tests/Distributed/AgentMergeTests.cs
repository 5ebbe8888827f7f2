namespace Harness.Load.Tests.Distributed;

/// <summary>merge: N agents' outputs into one, exact; and a clear error for outputs that are not one test.</summary>
public sealed class AgentMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-merge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ThreeInProcessAgents_MergeToExactCounts_AndTheHistogramOfAllTheirValues()
    {
        var agents = await RunAgentsAsync(rate: 100, count: 3);

        var merged = AgentMerge.Merge(agents);

        agents.Select(a => a.Output.Started).Should().Equal(34, 33, 33);
        merged.Started.Should().Be(100, "34 + 33 + 33");
        merged.Iterations.Ok.Count.Should().Be(100);
        merged.Iterations.ByStatus["200"].Corrected.Count.Should().Be(100);
        merged.Series.Sum(b => b.Started).Should().Be(100);
        merged.Late.Should().Be(agents.Sum(a => a.Output.Late));
        merged.Dropped.Should().Be(agents.Sum(a => a.Output.Dropped));
        merged.TargetRate.Should().Be(100);
        var all = new LatencyHistogram();
        foreach (var (_, output) in agents)
            all.Add(LatencyHistogram.FromSnapshot(output.Iterations.Corrected));
        merged.Iterations.Corrected.Should().BeEquivalentTo(all.Snapshot());
        merged.Iterations.Corrected.Count.Should().Be(100);
    }

    [Fact]
    public async Task Refuses_DifferentScenarios_MixedVersions_ADuplicatedIndex_AndAMissingAgent()
    {
        var agents = await RunAgentsAsync(rate: 30, count: 3);
        (string, AgentOutput) Edit(int i, Func<AgentOutput, AgentOutput> change) => (agents[i].Source, change(agents[i].Output));

        Refused([agents[0], agents[1], Edit(2, o => o with { Scenario = "other" })]).Should().Contain("different scenarios").And.Contain("'other'");
        Refused([agents[0], agents[1], Edit(2, o => o with { Version = "0.0.1" })]).Should().Contain("mixed versions").And.Contain("0.0.1");
        Refused([agents[0], agents[1], Edit(2, o => o with { AgentIndex = 1 })]).Should().Contain("agent index 1 appears twice");
        Refused([agents[0], agents[2]]).Should().Contain("missing agent 1 of 3");
        Refused([agents[0], agents[1], Edit(2, o => o with { AgentCount = 4 })]).Should().Contain("mixed agent counts");
    }

    [Fact]
    public async Task MergeCommand_WritesTheWholeTestsSummary_AndRefusesAMissingAgentWithExitCode2()
    {
        var agents = await RunAgentsAsync(rate: 60, count: 3);
        var outDir = Path.Combine(_dir, "merged");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new LoadCli(ProfileCatalog.BuiltIn(), new UrlTargetFactory(), stdout, stderr);

        var exit = await cli.InvokeAsync(["merge", .. agents.Select(a => a.Source), "--out", outDir], CancellationToken.None);

        exit.Should().Be(0, stderr.ToString());
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(outDir, ReportWriter.SummaryFile), CancellationToken.None);
        summary.Requests.Total.Should().Be(60);
        summary.Requests.ByStatus["200"].Should().Be(60);
        summary.LatencyMs.Corrected.Count.Should().Be(60);
        summary.TargetRate.Should().Be(60);
        summary.Verdict.Should().Be("pass");

        var missing = await cli.InvokeAsync(["merge", agents[0].Source, agents[2].Source, "--out", outDir], CancellationToken.None);

        missing.Should().Be(2);
        stderr.ToString().Should().Contain("missing agent 1 of 3");
    }

    private static string Refused(IReadOnlyList<(string, AgentOutput)> agents)
    {
        var act = () => AgentMerge.Merge(agents);
        return act.Should().Throw<ArgumentException>().Which.Message;
    }

    private async Task<(string Source, AgentOutput Output)[]> RunAgentsAsync(int rate, int count)
    {
        var scenario = Scenario.Create("merge", _ => Task.FromResult<IResponse>(Response.Ok(statusCode: "200")))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: rate, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));
        var runs = Enumerable.Range(0, count).Select(k =>
        {
            var dir = Path.Combine(_dir, $"agent-{k}");
            return new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario).WithOutput(TextWriter.Null, quiet: true).WithReportFolder(dir)
                .WithReportFormats(ReportFormat.Json).WithAgents(count, k)).ContinueWith(_ => dir, TaskScheduler.Default);
        });
        var dirs = await Task.WhenAll(runs);
        return dirs.Select(d => (d, AgentOutput.Read(Path.Combine(d, AgentOutput.FileName)))).ToArray();
    }
}
