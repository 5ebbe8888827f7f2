namespace Harness.Load.Tests.Distributed;

/// <summary>
/// The engines that run a distributed test: the Kubernetes manifests validated with the Kubernetes API's schemas
/// (npm kubernetes-models, pinned in tools/k8s), the GitHub Actions workflow parsed and checked for its jobs, and both
/// calling the same scripts, which are run here end to end.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EngineTests : IDisposable
{
    /// <summary>
    /// The repository's manifests validated once per test run (one node process loading the Kubernetes schemas): the two
    /// tests that read that verdict share it.
    /// </summary>
    private static readonly Lazy<Task<(int Exit, string Output, JsonElement? Json)>> RepoManifests = new(() => ValidateAsync(Manifests()));

    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-engines-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task EveryKubernetesManifest_IsValidAgainstTheKubernetesSchemas()
    {
        var (exit, output, json) = await RepoManifests.Value;

        exit.Should().Be(0, output);
        json!.Value.GetProperty("documents").EnumerateArray().Select(d => $"{d.GetProperty("kind").GetString()}/{d.GetProperty("name").GetString()}")
            .Should().BeEquivalentTo("Job/harness-load-agents", "Job/harness-load-merge", "PersistentVolumeClaim/harness-load-results");
    }

    [Fact]
    public async Task TheValidator_RefusesAnInvalidManifest_NamingWhatIsWrong()
    {
        var bad = Path.Combine(_dir, "bad.yaml");
        var agents = await File.ReadAllTextAsync(Tooling.PathOf("load/deploy/k8s/agents-job.yaml"));
        await File.WriteAllTextAsync(bad, agents.Replace("completions: 3", "completions: three", StringComparison.Ordinal)
            .Replace("completionMode: Indexed", "completionMode: Numbered", StringComparison.Ordinal));

        var (exit, output, json) = await ValidateAsync([bad]);

        exit.Should().Be(1, output);
        var error = json!.Value.GetProperty("errors")[0].GetProperty("error").GetString();
        error.Should().Contain("spec/completions must be integer").And.Contain("spec/completionMode must be equal to one of the allowed values");
    }

    [Fact]
    public async Task TheIndexedJob_RunsNAgentsOnTheSharedVolume_AndTheMergeJobWaitsForN()
    {
        var (exit, output, json) = await RepoManifests.Value;
        exit.Should().Be(0, output);
        var objects = json!.Value.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("object"));
        var agents = objects["harness-load-agents"].GetProperty("spec");
        var merge = objects["harness-load-merge"].GetProperty("spec");
        var claim = objects["harness-load-results"];

        agents.GetProperty("completionMode").GetString().Should().Be("Indexed");
        var n = agents.GetProperty("completions").GetInt32();
        agents.GetProperty("parallelism").GetInt32().Should().Be(n, "every agent runs at once");
        Env(agents, "AGENTS").Should().Be(n.ToString(System.Globalization.CultureInfo.InvariantCulture), "AGENTS is the Job's completions");
        Env(merge, "AGENTS").Should().Be(Env(agents, "AGENTS"), "the merge waits for every agent");
        Env(merge, "OUT_ROOT").Should().Be(Env(agents, "OUT_ROOT"));
        Container(agents).GetProperty("command")[0].GetString().Should().EndWith("/agent.sh");
        Container(merge).GetProperty("command")[0].GetString().Should().EndWith("/merge.sh");
        claim.GetProperty("spec").GetProperty("accessModes")[0].GetString().Should().Be("ReadWriteMany");
        foreach (var job in new[] { agents, merge })
        {
            var pod = job.GetProperty("template").GetProperty("spec");
            pod.GetProperty("volumes")[0].GetProperty("persistentVolumeClaim").GetProperty("claimName").GetString().Should().Be("harness-load-results");
            Container(job).GetProperty("volumeMounts")[0].GetProperty("mountPath").GetString().Should().Be(Env(agents, "OUT_ROOT"));
        }

        var dockerfile = await File.ReadAllTextAsync(Tooling.PathOf("load/deploy/Dockerfile"));
        dockerfile.Should().Contain("COPY load/deploy/agent.sh load/deploy/merge.sh /usr/local/bin/")
            .And.Contain("dotnet publish load/Harness.Load.Airline")
            .And.Contain("ENTRYPOINT [\"/usr/local/bin/agent.sh\"]");
    }

    [Fact]
    public async Task TheWorkflow_HasAnAgentsInput_AMatrixOfAgentsUploadingTheirShards_AndAMergeJobThatNeedsThem()
    {
        var (exit, output, json) = await Tooling.NodeAsync("yaml-json.mjs", Tooling.PathOf(".github/workflows/load.yml"));
        exit.Should().Be(0, output);
        var workflow = json!.Value;

        var inputs = workflow.GetProperty("on").GetProperty("workflow_dispatch").GetProperty("inputs");
        inputs.EnumerateObject().Select(p => p.Name).Should().Contain(["agents", "profile", "rate", "duration", "target", "max_rate"]);
        var jobs = workflow.GetProperty("jobs");
        var agent = jobs.GetProperty("agent");
        Needs(agent).Should().Contain("plan");
        agent.GetProperty("strategy").GetProperty("matrix").GetProperty("agent").GetString().Should().Be("${{ fromJSON(needs.plan.outputs.indexes) }}");
        Run(jobs.GetProperty("plan")).Should().Contain("seq -s, 0 $((AGENTS - 1))", "the matrix is the indexes 0..agents-1");
        StepEnv(agent, "load/deploy/agent.sh", "HARNESS_AGENT_INDEX").Should().Be("${{ matrix.agent }}");
        StepEnv(agent, "load/deploy/agent.sh", "AGENTS").Should().Be("${{ inputs.agents }}");
        StepEnv(agent, "load/deploy/agent.sh", "TARGET").Should().Be("${{ inputs.target }}");
        var upload = Uses(agent, "actions/upload-artifact@");
        upload.GetProperty("with").GetProperty("name").GetString().Should().Be("agent-${{ matrix.agent }}");
        upload.GetProperty("with").GetProperty("path").GetString().Should().Be("load/reports/dist/agent-${{ matrix.agent }}/");

        var merge = jobs.GetProperty("merge");
        Needs(merge).Should().Contain("agent");
        Uses(merge, "actions/download-artifact@").GetProperty("with").GetProperty("pattern").GetString().Should().Be("agent-*");
        var mergeStep = merge.GetProperty("steps").EnumerateArray().Single(s => Run(s).Contains("load/deploy/merge.sh", StringComparison.Ordinal));
        mergeStep.TryGetProperty("continue-on-error", out _).Should().BeFalse("a failed threshold fails the job");
        Uses(merge, "actions/upload-artifact@").GetProperty("with").GetProperty("path").GetString().Should().Be("load/reports/merged/");
        var script = await File.ReadAllTextAsync(Tooling.PathOf("load/deploy/merge.sh"));
        script.Should().Contain("cat \"$merged/report.md\" >> \"$GITHUB_STEP_SUMMARY\"", "the merged report goes into the step summary");
    }

    [Fact]
    public async Task TheScripts_RunTwoAgentsAndMergeThem_AsBothEnginesDo()
    {
        var cli = $"dotnet {Path.Combine(AppContext.BaseDirectory, "Harness.Load.Airline.dll")}";
        var root = Path.Combine(_dir, "dist");
        var env = new Dictionary<string, string>
        {
            ["LOAD_CLI"] = cli, ["OUT_ROOT"] = root, ["PROFILE"] = "ping", ["AGENTS"] = "2", ["RATE"] = "40", ["DURATION"] = "1s", ["WARMUP"] = "0s",
        };

        // Agent 0 as a CI matrix runner (HARNESS_AGENT_INDEX), agent 1 as a Kubernetes pod (JOB_COMPLETION_INDEX).
        var runs = await Task.WhenAll(
            Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/agent.sh")], Tooling.Root, new Dictionary<string, string>(env) { [AgentShard.IndexVariable] = "0", [AgentShard.KubernetesIndexVariable] = "" }),
            Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/agent.sh")], Tooling.Root, new Dictionary<string, string>(env) { [AgentShard.KubernetesIndexVariable] = "1", [AgentShard.IndexVariable] = "" }));
        runs.Should().OnlyContain(r => r.Exit == 0, string.Join("\n", runs.Select(r => r.Stderr)));

        var merged = Path.Combine(_dir, "merged");
        var summaryFile = Path.Combine(_dir, "step-summary.md");
        var merge = await Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/merge.sh")], Tooling.Root,
            new Dictionary<string, string>(env) { ["MERGED"] = merged, ["GITHUB_STEP_SUMMARY"] = summaryFile, ["WAIT_SECONDS"] = "60" });

        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(merged, ReportWriter.SummaryFile), CancellationToken.None);
        merge.Exit.Should().Be(SummaryBuilder.ExitCode(summary), merge.Stderr);
        summary.Agents!.Select(a => a.Index).Should().Equal(0, 1);
        summary.Requests.Total.Should().Be(summary.Agents!.Sum(a => a.Iterations));
        summary.TargetRate.Should().Be(40, "20 + 20");
        (await File.ReadAllTextAsync(summaryFile)).Should().Be(await File.ReadAllTextAsync(Path.Combine(merged, "report.md")));
    }

    [Fact]
    public async Task TheScripts_NameWhatIsMissing()
    {
        var noAgents = await Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/agent.sh")], Tooling.Root,
            new Dictionary<string, string> { ["PROFILE"] = "ping", ["AGENTS"] = "" });
        noAgents.Exit.Should().NotBe(0);
        noAgents.Stderr.Should().Contain("AGENTS");

        var noIndex = await Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/agent.sh")], Tooling.Root,
            new Dictionary<string, string> { ["PROFILE"] = "ping", ["AGENTS"] = "2", [AgentShard.IndexVariable] = "", [AgentShard.KubernetesIndexVariable] = "" });
        noIndex.Exit.Should().Be(2);
        noIndex.Stderr.Should().Contain("JOB_COMPLETION_INDEX").And.Contain("HARNESS_AGENT_INDEX");

        var empty = await Tooling.RunAsync("bash", [Tooling.PathOf("load/deploy/merge.sh")], Tooling.Root,
            new Dictionary<string, string> { ["OUT_ROOT"] = _dir });
        empty.Exit.Should().Be(2);
        empty.Stderr.Should().Contain("agent-K/agent.json");
    }

    private static string[] Manifests() => Directory.GetFiles(Tooling.PathOf("load/deploy/k8s"), "*.yaml").Order(StringComparer.Ordinal).ToArray();

    private static Task<(int Exit, string Output, JsonElement? Json)> ValidateAsync(string[] files) => Tooling.NodeAsync("validate.mjs", files);

    private static JsonElement Container(JsonElement jobSpec) => jobSpec.GetProperty("template").GetProperty("spec").GetProperty("containers")[0];

    private static string? Env(JsonElement jobSpec, string name) =>
        Container(jobSpec).GetProperty("env").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).GetProperty("value").GetString();

    private static string[] Needs(JsonElement job) =>
        job.GetProperty("needs") is { ValueKind: JsonValueKind.Array } many ? many.EnumerateArray().Select(n => n.GetString()!).ToArray() : [job.GetProperty("needs").GetString()!];

    private static string Run(JsonElement jobOrStep) =>
        jobOrStep.TryGetProperty("run", out var run) ? run.GetString()!
        : jobOrStep.TryGetProperty("steps", out var steps) ? string.Join("\n", steps.EnumerateArray().Select(Run))
        : "";

    private static JsonElement Uses(JsonElement job, string action) =>
        job.GetProperty("steps").EnumerateArray().Single(s => s.TryGetProperty("uses", out var u) && u.GetString()!.StartsWith(action, StringComparison.Ordinal));

    private static string? StepEnv(JsonElement job, string run, string name) =>
        job.GetProperty("steps").EnumerateArray().Single(s => Run(s).Contains(run, StringComparison.Ordinal)).GetProperty("env").GetProperty(name).GetString();
}
