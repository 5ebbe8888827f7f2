using System.Globalization;
using Xunit.Abstractions;

namespace Harness.Load.Tests.Distributed;

/// <summary>
/// The local proof of a distributed test: three agent <b>processes</b> (the CLI, as the workflow and the Kubernetes Job
/// run it) at 300/s each — the 900/s test split three ways — for 5 s against one sandbox on 127.0.0.1, merged. Counts
/// add up exactly; merged p50/p99 are within the histogram's stated error (≤ 1/256 of the value) of the percentiles of
/// every raw sample the agents took; the merged HTML renders with its agents table. One run of the whole 900/s, for
/// comparison of counts, goes through the same CLI in this process (its <c>InvokeAsync</c>, what Program.cs calls) while
/// the agent processes start up and wait for their start instant: the process boundary is the agents' point, not its.
/// Nothing is asserted about wall-clock rates or latencies: the machine is shared.
/// Bounded: every process has 5 minutes before it is killed, and each run stops by itself after 5 s.
/// </summary>
[Trait("Category", "DistributedProof")]
[Trait("Category", "EndToEnd")]
public sealed class LocalProofTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Agents = 3;
    private const int Rate = 900;
    private const int Seconds = 5;
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-proof-").FullName;
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Host = "127.0.0.1", Port = 0, Quiet = true, EnableAdmin = true });

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ThreeAgentProcesses_MergeToExactCounts_AndPercentilesWithinTheHistogramsError()
    {
        var startAt = DateTimeOffset.UtcNow.AddSeconds(8).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var agentDirs = Enumerable.Range(0, Agents).Select(k => Path.Combine(_dir, $"agent-{k}")).ToArray();

        // The whole 900/s in this process, now: it is over before the agents' start instant (8 s away).
        var singleDir = Path.Combine(_dir, "single");
        using var singleOut = new StringWriter();
        var singleRun = Task.Run(() => new Harness.Load.Cli.LoadCli(Harness.Load.Profiles.ProfileCatalog.BuiltIn(), new Harness.Load.Targets.UrlTargetFactory(), singleOut, singleOut).InvokeAsync(Run(singleDir), CancellationToken.None));

        var exits = await Task.WhenAll(Enumerable.Range(0, Agents).Select(k =>
        {
            // Agent 2 takes its index from JOB_COMPLETION_INDEX, as a pod of a Kubernetes Indexed Job does.
            string[] index = k == 2 ? [] : ["--agent-index", k.ToString(CultureInfo.InvariantCulture)];
            var env = k == 2 ? new Dictionary<string, string> { [AgentShard.KubernetesIndexVariable] = "2" } : [];
            return CliAsync(env, [.. Run(agentDirs[k]), "--agents", Agents.ToString(CultureInfo.InvariantCulture), .. index, "--start-at", startAt]);
        }));
        exits.Should().OnlyContain(e => e != 2 && e != 130, "every agent ran its shard (0 pass, 1 threshold, 3 sanity on a busy machine)");

        var mergedDir = Path.Combine(_dir, "merged");
        var mergeExit = await CliAsync(NoEnvironment, ["merge", .. agentDirs, "--out", mergedDir]);

        var agents = agentDirs.Select(d => AgentOutput.Read(Path.Combine(d, AgentOutput.FileName))).ToArray();
        var merged = AgentOutput.Read(Path.Combine(mergedDir, AgentOutput.FileName));
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(mergedDir, ReportWriter.SummaryFile), CancellationToken.None);
        mergeExit.Should().Be(SummaryBuilder.ExitCode(summary), "merge exits as run does for its verdict");

        // Exact counts: the split (300 + 300 + 300) × 5 s, and every agent's count in the merge.
        agents.Select(a => a.AgentIndex).Should().Equal(0, 1, 2);
        agents.Select(a => a.TargetRate).Should().Equal(300.0, 300.0, 300.0);
        merged.Scheduled.Should().Be(Rate * Seconds);
        merged.Started.Should().Be(agents.Sum(a => a.Started));
        merged.Started.Should().Be(Rate * Seconds - merged.Dropped);
        var iterations = agents.Sum(a => a.Iterations.Ok.Count + a.Iterations.Fail.Count);
        summary.Requests.Total.Should().Be(iterations);
        summary.Requests.Ok.Should().Be(agents.Sum(a => a.Iterations.Ok.Count));
        summary.Steps.Should().ContainSingle(s => s.Name == "ping").Which.Should().Match<StepSummary>(s => s.Ok + s.Fail == agents.Sum(a => a.Steps[0].Ok.Count + a.Steps[0].Fail.Count));
        summary.Steps[0].Ok.Should().Be(summary.Requests.Ok, "one ping request per iteration");
        summary.Late.Should().Be(agents.Sum(a => a.Late));
        summary.Dropped.Should().Be(agents.Sum(a => a.Dropped));
        merged.Series.Sum(b => b.Started).Should().Be(merged.Started, "the per-second series is summed");
        summary.Agents!.Select(a => a.StartOffsetMs).Should().OnlyContain(o => o != null);

        // Percentiles: from the merged histogram, within its stated error of the raw samples' nearest-rank percentiles.
        var raw = agentDirs.SelectMany(d => RawSamplesSink.Read(Path.Combine(d, "samples.txt"))).Select(s => s.Corrected).Order().ToArray();
        raw.Should().HaveCount((int)iterations, "every iteration's raw sample was dumped");
        foreach (var (p, reported) in new[] { (50.0, summary.LatencyMs.Corrected.P50), (99.0, summary.LatencyMs.Corrected.P99) })
        {
            var exact = raw[Math.Max(1, (int)Math.Ceiling(p / 100 * raw.Length)) - 1];
            var mergedMicros = LatencyHistogram.FromSnapshot(merged.Iterations.Corrected).ValueAtPercentile(p);
            log.WriteLine($"p{p}: raw {exact} µs, merged histogram {mergedMicros} µs, report {reported} ms");
            ((double)Math.Abs(mergedMicros - exact)).Should().BeLessThanOrEqualTo(exact / 256.0, $"p{p} of the merged histogram is within 1/256 of the raw p{p}");
            Math.Abs((reported * 1000) - exact).Should().BeLessThanOrEqualTo((exact / 256.0) + 0.5, $"the report's p{p} (ms, 3 decimals) too");
        }

        // The merged HTML renders: well formed, with one row per agent.
        var html = File.ReadAllText(Path.Combine(mergedDir, "report.html"));
        HtmlShape.Problem(html).Should().BeNull();
        html.Should().Contain("<table class=\"agents\">");
        foreach (var k in Enumerable.Range(0, Agents))
            html.Should().Contain($"<tr><td>{k}</td><td>");

        // One run at the whole 900/s: the same schedule, so the same count of arrivals.
        (await singleRun).Should().NotBe(2, singleOut.ToString());
        var single = AgentOutput.Read(Path.Combine(singleDir, AgentOutput.FileName));
        single.Scheduled.Should().Be(merged.Scheduled, "one machine at 900/s and three at 300/s schedule the same arrivals");
        single.TargetRate.Should().Be(merged.TargetRate);
        log.WriteLine($"merged: {summary.Requests.Total} iterations, p50 {summary.LatencyMs.Corrected.P50} ms, p99 {summary.LatencyMs.Corrected.P99} ms; single: {single.Iterations.Ok.Count + single.Iterations.Fail.Count} iterations");
    }

    private static readonly Dictionary<string, string> NoEnvironment = [];

    private string[] Run(string outDir) =>
    [
        "run", "ping", "--rate", Rate.ToString(CultureInfo.InvariantCulture), "--duration", $"{Seconds}s", "--warmup", "0s", "--ramp", "0s",
        "--target", _sandbox.BaseUrl.ToString(), "--out", outDir, "--quiet", "--dump-samples", Path.Combine(outDir, "samples.txt"),
    ];

    /// <summary>Runs the load CLI (this test's own build of Harness.Load.Airline) as a process; killed after 5 minutes.</summary>
    private async Task<int> CliAsync(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        // No inherited agent index: only what the test gives.
        var env = new Dictionary<string, string>(environment);
        env.TryAdd(AgentShard.KubernetesIndexVariable, "");
        env.TryAdd(AgentShard.IndexVariable, "");
        var (exit, stdout, stderr) = await Tooling.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Harness.Load.Airline.dll"), .. args], _dir, env);
        log.WriteLine($"$ load {string.Join(' ', args)} → exit {exit}\n{stdout}{stderr}");
        return exit;
    }
}
