namespace Harness.Load.Tests.Api;

/// <summary>Thresholds (per scenario and per step, abort, startCheckAfter), stopping, failures, weights, the remote-target rule and Ctrl-C.</summary>
public sealed class RunnerBehaviourTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-rb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ThresholdChecker_StartCheckAfter_SkipsEarlyChecksButNotTheFinalOne()
    {
        var checker = new ThresholdChecker("s", [Threshold.Create(s => s.Fail.Request.Count == 0, startCheckAfter: TimeSpan.FromSeconds(10))]);
        var failing = Stats(ok: 5, fail: 1);

        checker.Check(failing, TimeSpan.FromSeconds(9), final: false).Should().BeNull();
        checker.Results()[0].ErrorCount.Should().Be(0, "not checked before startCheckAfter");
        checker.Check(failing, TimeSpan.FromSeconds(11), final: false);
        checker.Results()[0].ErrorCount.Should().Be(1);
        checker.Check(failing, TimeSpan.FromSeconds(1), final: true);
        checker.Results()[0].ErrorCount.Should().Be(2, "the final check runs whatever the time");
        checker.Results()[0].IsFailed.Should().BeTrue();
    }

    [Fact]
    public void ThresholdChecker_AbortWhenErrorCount_AsksToAbortOnTheNthFailure()
    {
        var checker = new ThresholdChecker("s", [Threshold.Create(s => s.Fail.Request.Percent < 10, abortWhenErrorCount: 3)]);
        var failing = Stats(ok: 1, fail: 1);

        checker.Check(failing, TimeSpan.FromSeconds(1), final: false).Should().BeNull();
        checker.Check(Stats(ok: 100, fail: 0), TimeSpan.FromSeconds(2), final: false).Should().BeNull();
        checker.Check(failing, TimeSpan.FromSeconds(3), final: false).Should().BeNull();
        checker.Check(failing, TimeSpan.FromSeconds(4), final: false).Should().Contain("abortWhenErrorCount: 3").And.Contain("s.Fail.Request.Percent < 10");
    }

    [Fact]
    public void ThresholdChecker_StepThreshold_ChecksThatStepAndReportsAMissingOne()
    {
        var checker = new ThresholdChecker("s",
        [
            Threshold.Create("login", step => step.Ok.Request.Count > 0),
            Threshold.Create("logout", step => step.Ok.Request.Count > 0),
        ]);

        checker.Check(Stats(ok: 1, fail: 0, step: "login"), TimeSpan.Zero, final: true);

        var results = checker.Results();
        results[0].IsFailed.Should().BeFalse();
        results[1].IsFailed.Should().BeTrue();
        results[1].ExceptionMsg.Should().Contain("Step: 'logout' is not found");
    }

    [Fact]
    public async Task Run_ThresholdWithAbortWhenErrorCount_StopsTheTestEarlyAndFailsIt()
    {
        var scenario = Scenario.Create("always_fails", context => Task.FromResult<IResponse>(Response.Fail(statusCode: "500")))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(30)))
            .WithThresholds(Threshold.Create(stats => stats.Fail.Request.Count == 0, abortWhenErrorCount: 2));

        var result = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario).Quiet().WithReportingInterval(TimeSpan.FromMilliseconds(200)));

        // Live checks at 0.2 s and 0.4 s of virtual time both fail; the second aborts before the arrival due at 0.4 s starts.
        result.Duration.Should().Be(TimeSpan.FromMilliseconds(400));
        result.StopReason.Should().Contain("abortWhenErrorCount: 2");
        result.AllFailCount.Should().Be(20);
        result.Thresholds.Single().ErrorCount.Should().Be(3, "two live failures, then the final check");
        result.Verdict.Should().Be("fail");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Run_StopCurrentTest_EndsTheRunWithTheReason()
    {
        var scenario = Scenario.Create("stops_itself", context =>
        {
            if (context.InvocationNumber == 10)
                context.StopCurrentTest("ten is enough");
            return Task.FromResult<IResponse>(Response.Ok());
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromSeconds(30)));

        // The clock stays at the run's start: only the scenario itself can end this 30 s run.
        var result = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario).Quiet(), settled: _ => false);

        result.Duration.Should().Be(TimeSpan.Zero);
        result.StopReason.Should().Be("ten is enough");
        result.GetScenarioStats("stops_itself").AllOkCount.Should().BeInRange(9, 11);
    }

    [Fact]
    public async Task Run_MaxFailCount_StopsTheScenario()
    {
        var scenario = Scenario.Create("fails", context => Task.FromResult<IResponse>(Response.Fail()))
            .WithoutWarmUp()
            .WithMaxFailCount(5)
            .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromSeconds(30)));

        // The clock stays at the run's start: only the fail count can end this 30 s run.
        var result = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario).Quiet(), settled: _ => false);

        result.Duration.Should().Be(TimeSpan.Zero);
        result.GetScenarioStats("fails").AllFailCount.Should().BeInRange(5, 6);
        result.StopReason.Should().Contain("max fail count (5");
    }

    [Fact]
    public void Run_RestartIterationOnFail_DecidesWhetherAFailedStepEndsTheIteration()
    {
        ScenarioProps Build(bool restart) => Scenario.Create(restart ? "restart" : "go_on", async context =>
        {
            await Step.Run("fails", context, () => Task.FromResult(Response.Fail(statusCode: "503")));
            await Step.Run("after", context, () => Task.FromResult(Response.Ok()));
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithRestartIterationOnFail(restart)
        .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 10));

        var result = LoadRunner.RegisterScenarios(Build(true), Build(false)).Quiet().Run();

        var restart = result.GetScenarioStats("restart");
        restart.StepStats.Exists("after").Should().BeFalse();
        restart.Fail.StatusCodes.Get("503").Count.Should().Be(10);
        var goOn = result.GetScenarioStats("go_on");
        goOn.GetStepStats("after").Ok.Request.Count.Should().Be(10);
        goOn.GetStepStats("fails").Fail.Request.Count.Should().Be(10);
        goOn.AllOkCount.Should().Be(10);
    }

    [Fact]
    public void Run_WeightedScenarios_ShareTheFirstOnesLoadByWeight()
    {
        ScenarioProps Weighted(string name, int weight) => Scenario.Create(name, context => Task.FromResult<IResponse>(Response.Ok()))
            .WithoutWarmUp()
            .WithWeight(weight)
            .WithLoadSimulations(Simulation.IterationsForInject(rate: 400, interval: TimeSpan.FromSeconds(1), iterations: 200));

        var result = LoadRunner.RegisterScenarios(Weighted("read_scenario", 80), Weighted("write_scenario", 20)).Quiet().Run();

        var read = result.GetScenarioStats("read_scenario").AllOkCount;
        var write = result.GetScenarioStats("write_scenario").AllOkCount;
        (read + write).Should().Be(200, "weighted scenarios share one schedule");
        read.Should().BeInRange(140, 180);
    }

    [Fact]
    public void Run_RemoteTargetWithoutOptIn_IsRefusedBeforeAnyLoad()
    {
        var ran = 0;
        var scenario = Scenario.Create("remote", context =>
        {
            Interlocked.Increment(ref ran);
            return Task.FromResult<IResponse>(Response.Ok());
        }).WithoutWarmUp().WithLoadSimulations(Simulation.Inject(rate: 100, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));

        var refused = LoadRunner.RegisterScenarios(scenario).Quiet().WithTarget(new Uri("https://airlines-api.example.com/")).Run();
        var overCap = LoadRunner.RegisterScenarios(scenario).Quiet().WithTarget(new Uri("https://airlines-api.example.com/"), allowRemote: true, maxRate: 10).Run();

        refused.ExitCode.Should().Be(2);
        refused.StopReason.Should().Contain("--allow-remote").And.Contain("--max-rate");
        overCap.ExitCode.Should().Be(2);
        overCap.StopReason.Should().Contain("above --max-rate 10");
        ran.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_Cancelled_WritesAPartialReportMarkedIncomplete()
    {
        // As Ctrl-C does: the caller's token fires mid-run (here after the 50th iteration).
        using var stop = new CancellationTokenSource();
        var scenario = Scenario.Create("long", context =>
            {
                if (context.InvocationNumber == 50)
                    stop.Cancel();
                return Task.FromResult<IResponse>(Response.Ok());
            })
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 100, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(60)));

        var result = await new VirtualRun().RunAsync(LoadRunner.RegisterScenarios(scenario).Quiet().WithReportFolder(_dir).WithReportFormats(ReportFormat.Json), stop.Token);

        result.Verdict.Should().Be("incomplete");
        result.ExitCode.Should().Be(130);
        result.Duration.Should().Be(TimeSpan.FromMilliseconds(490), "the 50th iteration starts at 0.49 s of virtual time and stops the run");
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "summary.json")));
        summary.RootElement.GetProperty("incomplete").GetBoolean().Should().BeTrue();
        summary.RootElement.GetProperty("requests").GetProperty("ok").GetInt64().Should().Be(50);
    }

    private static ScenarioStats Stats(int ok, int fail, string? step = null)
    {
        var latency = new LatencyStats(1, 1, 1, 1, 1, 1, 1, 0, new LatencyCount(ok, 0, 0));
        MeasurementStats M(int count) => new(new RequestStats(count, ok + fail == 0 ? 0 : 100.0 * count / (ok + fail), count), latency,
            new DataTransferStats(0, 0, 0, 0), []) { ServiceTime = latency };
        StepStats[] steps = step is null ? [] : [new StepStats(step, M(ok), M(fail), 1)];
        return new ScenarioStats("s", M(ok), M(fail), steps, new LoadSimulationStats("inject", 1), OperationType.Bombing,
            ok + fail, ok, fail, 0, TimeSpan.FromSeconds(1));
    }
}
