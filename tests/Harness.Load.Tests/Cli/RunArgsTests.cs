namespace Harness.Load.Tests.Cli;

/// <summary><c>LoadRunner…Run(args)</c>: the CLI's flags applied to a partner's registered scenarios.</summary>
public sealed class RunArgsTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rate_ReplacesTheLoadWithRampWarmUpAndDuration()
    {
        var context = Apply("--rate", "50", "--duration", "10s", "--warmup", "2s", "--ramp", "3s");

        var scenario = context.Scenarios.Single();
        scenario.LoadSimulations.Should().Equal(
            new LoadSimulation.RampingInject(50, Second, TimeSpan.FromSeconds(3)),
            new LoadSimulation.Inject(50, Second, TimeSpan.FromSeconds(12)));
        scenario.WarmUpDuration.Should().Be(TimeSpan.FromSeconds(5), "ramp and warm-up stay out of the statistics");
        scenario.WarmUpIncluded.Should().BeTrue();
    }

    [Fact]
    public void Duration_HasNoCap_SoASoakCanRunForHours()
    {
        var scenario = Apply("--rate", "500", "--duration", "12h").Scenarios.Single();

        scenario.LoadSimulations.Should().Equal(new LoadSimulation.Inject(500, Second, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Concurrency_IsTheClosedModel()
    {
        var scenario = Apply("--concurrency", "8", "--duration", "5s").Scenarios.Single();

        scenario.LoadSimulations.Should().Equal(new LoadSimulation.KeepConstant(8, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void NoLoadFlags_KeepTheScenariosOwnSimulations()
    {
        var scenario = Apply("--seed", "9").Scenarios.Single();

        scenario.LoadSimulations.Should().Equal(Simulation.Inject(rate: 7, interval: Second, during: Second));
    }

    [Fact]
    public void ReportAndRunSettings_AreApplied()
    {
        var context = Apply("--out", "/tmp/x", "--seed", "9", "--baseline", "b.json", "--save-baseline", "s.json", "--report-format", "html",
            "--report-format", "json", "--test-name", "t", "--test-suite", "u", "--reporting-interval", "500ms", "--max-in-flight", "64", "--quiet");

        context.ReportFolder.Should().Be("/tmp/x");
        context.Seed.Should().Be(9);
        context.BaselinePath.Should().Be("b.json");
        context.SaveBaselinePath.Should().Be("s.json");
        context.ReportFormats.Should().Equal(ReportFormat.Html, ReportFormat.Json);
        (context.TestName, context.TestSuite).Should().Be(("t", "u"));
        context.ReportingInterval.Should().Be(TimeSpan.FromMilliseconds(500));
        context.Scenarios.Single().MaxInFlight.Should().Be(64);
        context.Quiet.Should().BeTrue();
    }

    [Fact]
    public void Scenario_SelectsAmongTheRegistered()
    {
        var two = LoadRunner.RegisterScenarios(Partner("a"), Partner("b"));

        RunArgs.Apply(two, ["--scenario", "b"], out _)!.Scenarios.Select(s => s.ScenarioName).Should().Equal("b");
        RunArgs.Apply(two, ["--scenario", "c"], out var error).Should().BeNull();
        error.Should().Contain("--scenario: unknown c; registered: a, b");
    }

    [Fact]
    public void RemoteTarget_NeedsBothFlagsAndIsCappedByMaxRate()
    {
        Fails(["--target", "https://airlines-api.example.com/", "--rate", "10"]).Should().Contain("--allow-remote").And.Contain("--max-rate");
        var capped = Apply("--target", "https://airlines-api.example.com/", "--allow-remote", "--max-rate", "5", "--rate", "50");
        capped.Scenarios.Single().LoadSimulations.Should().Equal(new LoadSimulation.Inject(5, Second, TimeSpan.FromSeconds(30)));
        capped.Target.Should().Be(new Uri("https://airlines-api.example.com/"));
        Fails(["--target", "https://airlines-api.example.com/", "--allow-remote", "--max-rate", "5", "--concurrency", "4"]).Should().Contain("--concurrency cannot be capped");
    }

    [Theory]
    [InlineData(new[] { "--rate", "10", "--concurrency", "2" }, "exclusive")]
    [InlineData(new[] { "--rate", "0" }, "must be positive")]
    [InlineData(new[] { "--duration", "10s" }, "pass one of them")]
    [InlineData(new[] { "--rate", "10", "--duration", "ten" }, "--duration: 'ten' is not a duration")]
    [InlineData(new[] { "--target", "not a url" }, "not an absolute http(s) URL")]
    [InlineData(new[] { "--report-format", "pdf" }, "'pdf' is not one of")]
    [InlineData(new[] { "--bogus" }, "--bogus")]
    public void BadFlags_AreRefusedNamingTheProblem(string[] args, string message) =>
        Fails(args).Should().Contain(message);

    [Fact]
    public async Task Run_WithArgs_RunsTheLoadTheFlagsAskForAndWritesTheReports()
    {
        var run = new VirtualRun();
        var context = run.OnClock(LoadRunner.RegisterScenarios(Partner("partner")).Quiet().WithReportFormats(ReportFormat.Json));

        var result = await run.DriveAsync(() => context.RunAsync(["--rate", "40", "--duration", "1s", "--warmup", "500ms", "--out", _dir, "--seed", "3"]));

        result.ExitCode.Should().Be(0);
        result.GetScenarioStats("partner").AllOkCount.Should().Be(40, "the 20 warm-up iterations run but are not counted");
        run.Elapsed.Should().Be(TimeSpan.FromMilliseconds(1475), "the last of 60 arrivals at 40/s is due at 1.475 s, and the clock stops once the run has read its end");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        summary.RootElement.GetProperty("seed").GetInt32().Should().Be(3);
        summary.RootElement.GetProperty("warmup_s").GetDouble().Should().Be(0.5);
    }

    [Fact]
    public void Run_WithBadArgs_ReturnsExitTwoWithoutRunning()
    {
        var result = LoadRunner.RegisterScenarios(Partner("partner")).Quiet().Run(["--rate", "-3"]);

        result.ExitCode.Should().Be(2);
        result.Verdict.Should().Be("usage_error");
        result.ScenarioStats.Should().BeEmpty();
    }

    private static ScenarioProps Partner(string name) =>
        Scenario.Create(name, _ => Task.FromResult<IResponse>(Response.Ok()))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 7, interval: Second, during: Second));

    private static LoadRunnerContext Apply(params string[] args)
    {
        var context = RunArgs.Apply(LoadRunner.RegisterScenarios(Partner("partner")), args, out var error);
        error.Should().BeNull();
        return context!;
    }

    private static string Fails(string[] args)
    {
        RunArgs.Apply(LoadRunner.RegisterScenarios(Partner("partner")), args, out var error).Should().BeNull();
        return error!;
    }
}
