namespace Harness.Load.Tests.Distributed;

/// <summary>
/// merge writes the whole test's reports through the same code as run (a run is a merge of one), with a per-agent table,
/// and holds the merged result — not each agent — to the thresholds and the baseline, with the run's exit codes.
/// </summary>
public sealed class MergeReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-merge-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ARunsOwnFolder_MergedAlone_GivesTheRunsReports()
    {
        var run = Path.Combine(_dir, "run");
        var first = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(Counting("alone", rate: 50)).WithOutput(TextWriter.Null, quiet: true).WithReportFolder(run));
        var merged = Path.Combine(_dir, "merged");

        var node = await LoadRunner.RegisterScenarios(Counting("alone", rate: 50)).WithOutput(TextWriter.Null, quiet: true).WithReportFolder(merged)
            .MergeAsync([run]);

        first.ExitCode.Should().Be(0, "on the virtual clock the run achieves its 50/s exactly");
        node.ExitCode.Should().Be(first.ExitCode, "a merge of one run exits as the run did");
        var ran = await ReportWriter.ReadSummaryAsync(Path.Combine(run, ReportWriter.SummaryFile), CancellationToken.None);
        var again = await ReportWriter.ReadSummaryAsync(Path.Combine(merged, ReportWriter.SummaryFile), CancellationToken.None);
        ran.Agents.Should().BeNull("one machine's report has no agents table");
        again.Agents.Should().ContainSingle().Which.Iterations.Should().Be(50);
        (again with { Agents = null }).Should().BeEquivalentTo(ran, "a run is a merge of one: the same summary, number for number");
        File.ReadAllText(Path.Combine(merged, "report.csv")).Should().Be(File.ReadAllText(Path.Combine(run, "report.csv")));
        File.ReadAllText(Path.Combine(merged, "report.md")).Should().StartWith(File.ReadAllText(Path.Combine(run, "report.md")));
    }

    [Fact]
    public async Task MergedReports_HaveTheWholeTestsNumbers_AndThePerAgentTable()
    {
        var agents = await RunAgentsAsync(Counting("three", rate: 60), count: 3, startAt: VirtualRun.Epoch.AddMilliseconds(300));
        var outDir = Path.Combine(_dir, "merged");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await new LoadCli(ProfileCatalog.BuiltIn(), new UrlTargetFactory(), stdout, stderr)
            .InvokeAsync(["merge", .. agents, "--out", outDir], CancellationToken.None);

        exit.Should().Be(0, stderr.ToString());
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(outDir, ReportWriter.SummaryFile), CancellationToken.None);
        summary.Requests.Total.Should().Be(60);
        summary.Agents!.Select(a => (a.Index, a.Iterations, a.TargetRate)).Should().Equal((0, 20L, 20.0), (1, 20L, 20.0), (2, 20L, 20.0));
        summary.Agents.Should().OnlyContain(a => a.StartOffsetMs >= 0, "each agent waited for --start-at, so its offset is ≥ 0");
        summary.Sanity.Message.Should().StartWith("the agents together achieved");

        var csv = File.ReadAllLines(Path.Combine(outDir, "report.csv"));
        csv.Skip(1).Sum(line => long.Parse(line.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(60, "the series is summed");
        csv[1].Split(',')[2].Should().Be("60", "the agents' target rates are summed per second");

        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        md.Should().Contain("### Agents (3, merged)").And.Contain("| 2 | 20 / 20 /s | 20 |");
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        HtmlShape.Problem(html).Should().BeNull();
        html.Should().Contain("<h2 id=\"agents\">Agents (3, merged)</h2>").And.Contain("<table class=\"agents\">");
        File.ReadAllText(Path.Combine(outDir, "report.txt")).Should().Contain("agent 1: 20 / 20 /s, 20 iterations");
        AgentOutput.Read(Path.Combine(outDir, AgentOutput.FileName)).Started.Should().Be(60, "the merged agent.json is written beside");
    }

    [Fact]
    public async Task CodeThresholds_AreEvaluatedOnTheMergedResult_NotPerAgent()
    {
        // Each agent runs 20 iterations and passes "< 30" on its own; the merged test ran 60 and must fail it.
        var scenario = Counting("limited", rate: 60).WithThresholds(Threshold.Create(stats => stats.AllRequestCount < 30));
        var agents = await RunAgentsAsync(scenario, count: 3);
        foreach (var agent in agents)
            (await ReportWriter.ReadSummaryAsync(Path.Combine(agent, ReportWriter.SummaryFile), CancellationToken.None)).Verdict.Should().Be("pass");

        var node = await LoadRunner.RegisterScenarios(scenario).WithOutput(TextWriter.Null, quiet: true).WithReportFolder(Path.Combine(_dir, "m"))
            .MergeAsync(agents);

        node.ExitCode.Should().Be(1);
        node.Verdict.Should().Be("fail");
        node.Thresholds.Should().ContainSingle().Which.Should().Match<ThresholdResult>(t => t.IsFailed && t.CheckExpression == "stats => stats.AllRequestCount < 30");
        node.ScenarioStats.Get("limited").AllRequestCount.Should().Be(60);
        var md = File.ReadAllText(Path.Combine(_dir, "m", "report.md"));
        md.Should().Contain("`stats => stats.AllRequestCount < 30` | 1 | ❌ fail");
    }

    [Fact]
    public async Task APartnersConsoleApp_MergesThroughRunArgs_WithItsCodeThresholds()
    {
        var scenario = Counting("partner", rate: 40).WithThresholds(Threshold.Create(stats => stats.Ok.Request.Count >= 40));
        var agents = await RunAgentsAsync(scenario, count: 2);
        var errors = new StringWriter();
        var app = LoadRunner.RegisterScenarios(scenario).WithOutput(TextWriter.Null, quiet: true) with { ErrorOutput = errors };

        var merged = await app.RunAsync(["merge", .. agents, "--out", Path.Combine(_dir, "partner-merged")]);
        var usage = await app.RunAsync(["merge", .. agents]);

        merged.ExitCode.Should().Be(0, "40 iterations merged pass a threshold that each agent's 20 fail");
        merged.Thresholds.Should().ContainSingle().Which.IsFailed.Should().BeFalse();
        File.Exists(Path.Combine(_dir, "partner-merged", "report.html")).Should().BeTrue();
        usage.ExitCode.Should().Be(2);
        errors.ToString().Should().Contain("merge needs --out <dir>");
    }

    [Fact]
    public async Task TheCli_HoldsABuiltInScenariosMergedResult_ToItsJsonThresholds_AndTheBaseline()
    {
        // Agents' outputs relabelled as the built-in `ping`: merge resolves the name to ping.json's thresholds.
        var agents = await RunAgentsAsync(Counting("ping", rate: 30), count: 2);
        var baseline = Path.Combine(_dir, "baseline.json");
        await File.WriteAllTextAsync(baseline, ReportWriter.ToJson(Support.Summaries.With(p95: 0.001, p99: 0.001, achieved: 30, profile: "ping")));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var outDir = Path.Combine(_dir, "merged");

        var exit = await new LoadCli(ProfileCatalog.BuiltIn(), new UrlTargetFactory(), stdout, stderr)
            .InvokeAsync(["merge", .. agents, "--out", outDir, "--baseline", baseline], CancellationToken.None);

        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(outDir, ReportWriter.SummaryFile), CancellationToken.None);
        // Which checks were evaluated is the point here; whether the wall-clock p99 of a run on a busy machine stays under
        // 250 ms is not (the CI suite runs assemblies in parallel), so their verdicts are not asserted.
        summary.Thresholds.Select(t => t.Check).Should().Equal("p99_ms <= 250", "error_rate_pct <= 1", "min_achieved_ratio >= 0.99");
        summary.Thresholds.Single(t => t.Check == "error_rate_pct <= 1").Passed.Should().BeTrue("every iteration was ok");
        summary.Baseline!.Passed.Should().BeFalse("the baseline's p95/p99 of 1 µs cannot be met");
        summary.Verdict.Should().Be("fail");
        exit.Should().Be(1, "as for run: a failed baseline is exit code 1");
    }

    private static ScenarioProps Counting(string name, int rate) =>
        Scenario.Create(name, _ => Task.FromResult<IResponse>(Response.Ok(statusCode: "200", sizeBytes: 10)))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: rate, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));

    private async Task<string[]> RunAgentsAsync(ScenarioProps scenario, int count, DateTimeOffset? startAt = null)
    {
        var runs = Enumerable.Range(0, count).Select(async k =>
        {
            var dir = Path.Combine(_dir, $"{scenario.ScenarioName}-agent-{k}");
            var context = LoadRunner.RegisterScenarios(scenario).WithOutput(TextWriter.Null, quiet: true).WithReportFolder(dir).WithAgents(count, k);
            if (startAt is { } at)
                context = context.WithStartAt(at);
            (await new VirtualRun().RunAsync(context)).ExitCode.Should().BeOneOf(0, 1);   // a shard may fail a threshold the whole test passes
            return dir;
        });
        return await Task.WhenAll(runs);
    }
}
