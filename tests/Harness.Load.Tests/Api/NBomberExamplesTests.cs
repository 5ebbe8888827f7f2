using Harness.Load;

namespace Harness.Load.Tests.Api;

/// <summary>
/// NBomber 5's own examples (hello world, steps sharing data, init/clean, load simulations, sequential HTTP steps, xUnit
/// thresholds) as its docs write them: the only changes are <c>using Harness.Load;</c>, the runner's name, shorter
/// durations, and <c>await Task.Yield()</c> where the docs wait a second to stand for "your logic here".
/// </summary>
public sealed class NBomberExamplesTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-nb-").FullName;
    private TestTarget _target = null!;

    public async Task InitializeAsync() => _target = await TestTarget.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task HelloWorld_RunsTheScenarioAndWritesEveryReportWithCorrectedLatency()
    {
        var scenario = Scenario.Create("hello_world_scenario", async context =>
        {
            // you can define and execute any logic here, for example: send http request, SQL query etc.
            await Task.Yield();

            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.Inject(rate: 10,
                              interval: TimeSpan.FromSeconds(1),
                              during: TimeSpan.FromSeconds(1))
        );

        // On the virtual clock (the docs' `.Run()` is `RunAsync()` driven by the test), so the verdict is exact.
        var result = await new VirtualRun().RunAsync(LoadRunner
            .RegisterScenarios(scenario)
            .WithReportFolder(_dir)
            .WithReportFormats(ReportFormat.Html, ReportFormat.Md, ReportFormat.Csv, ReportFormat.Txt, ReportFormat.Json));

        var stats = result.ScenarioStats.Get("hello_world_scenario");
        stats.Ok.Request.Count.Should().Be(10);
        stats.Fail.Request.Count.Should().Be(0);
        stats.Ok.Request.Percent.Should().Be(100);
        stats.Model.Should().Be("open");
        stats.TargetRate.Should().Be(10);
        result.ExitCode.Should().Be(0);
        result.ReportFiles.Select(f => f.ReportFormat).Should().BeEquivalentTo(
            [ReportFormat.Html, ReportFormat.Md, ReportFormat.Csv, ReportFormat.Txt, ReportFormat.Json]);
        result.ReportFiles.Should().OnlyContain(f => File.Exists(f.FilePath));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "summary.json")));
        summary.RootElement.GetProperty("latency_ms").GetProperty("corrected").GetProperty("count").GetInt64().Should().Be(10);
        summary.RootElement.GetProperty("latency_ms").GetProperty("service").GetProperty("count").GetInt64().Should().Be(10);
        File.ReadAllText(Path.Combine(_dir, "report.html")).Should().Contain("<svg").And.NotContain("<script src=");
    }

    [Fact]
    public void StepsSharingData_PassPayloadsAndSizesBetweenSteps()
    {
        var scenario = Scenario.Create("hello_world_scenario", async context =>
        {
            var step1 = await Step.Run("step_1", context, async () =>
            {
                await Task.Yield();
                return Response.Ok(payload: "step_1 response", sizeBytes: 10);
            });

            var step2 = await Step.Run("step_2", context, async () =>
            {
                await Task.Yield();
                return Response.Ok(payload: "step_2 response", sizeBytes: 10);
            });

            return step1.Payload.Value == "step_1 response" && step2.Payload.Value == "step_2 response"
                ? Response.Ok(statusCode: "200")
                : Response.Fail(statusCode: "500");
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.KeepConstant(copies: 2, during: TimeSpan.FromMilliseconds(500))
        );

        var result = LoadRunner.RegisterScenarios(scenario).Quiet().Run();

        var stats = result.ScenarioStats.Get("hello_world_scenario");
        stats.AllOkCount.Should().BeGreaterThan(10);
        stats.AllFailCount.Should().Be(0);
        stats.Ok.StatusCodes.Get("200").Count.Should().Be(stats.AllOkCount);
        stats.StepStats.Select(s => s.StepName).Should().Equal("step_1", "step_2");
        var step1 = stats.StepStats.Get("step_1");
        step1.Ok.Request.Count.Should().Be(stats.AllOkCount);
        step1.Ok.DataTransfer.AllBytes.Should().Be(10L * step1.Ok.Request.Count);
        stats.AllBytes.Should().Be(20L * stats.AllOkCount, "an iteration that reports no size carries its steps' sizes");
        stats.Model.Should().Be("closed");
        stats.Ok.Latency.Percent99.Should().Be(stats.Ok.ServiceTime.Percent99, "a closed model has no schedule: corrected latency is service time");
    }

    [Fact]
    public void InitAndClean_RunOnceAroundTheIterations()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var scenario = Scenario.Create("init_clean_scenario", async context =>
        {
            events.Enqueue("iteration");
            await Task.Yield();
            return Response.Ok();
        })
        .WithInit(context =>
        {
            context.Logger.LogInformation("init of {Scenario}", context.ScenarioInfo.ScenarioName);
            events.Enqueue($"init:{context.ScenarioInfo.ScenarioName}:{context.ScenarioPartition.Number}/{context.ScenarioPartition.Count}");
            return Task.CompletedTask;
        })
        .WithClean(context =>
        {
            events.Enqueue("clean");
            return Task.CompletedTask;
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.IterationsForConstant(copies: 2, iterations: 20));

        var result = LoadRunner.RegisterScenarios(scenario).Quiet().Run();

        events.First().Should().Be("init:init_clean_scenario:1/1");
        events.Last().Should().Be("clean");
        events.Count(e => e == "iteration").Should().Be(20);
        result.GetScenarioStats("init_clean_scenario").AllOkCount.Should().Be(20);
    }

    [Fact]
    public void InitThrows_StopsTheTestBeforeAnyLoadAndNamesTheScenario()
    {
        var ran = 0;
        var scenario = Scenario.Create("broken_init", context =>
        {
            Interlocked.Increment(ref ran);
            return Task.FromResult<IResponse>(Response.Ok());
        })
        .WithInit(_ => throw new InvalidOperationException("database is down"))
        .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 5));

        var result = LoadRunner.RegisterScenarios(scenario).Quiet().Run();

        ran.Should().Be(0);
        result.ExitCode.Should().Be(2);
        result.StopReason.Should().Contain("broken_init").And.Contain("database is down");
    }

    [Fact]
    public void LoadSimulations_InjectIsOpenWithAnExactCount_KeepConstantIsClosed()
    {
        var inject = Scenario.Create("inject_scenario", async context =>
        {
            await Task.Yield();
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.Inject(rate: 20, interval: TimeSpan.FromMilliseconds(500), during: TimeSpan.FromSeconds(1)),
            Simulation.IterationsForInject(rate: 50, interval: TimeSpan.FromSeconds(1), iterations: 25));

        var keepConstant = Scenario.Create("keep_constant_scenario", async context =>
        {
            await Task.Yield();
            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(
            Simulation.RampingConstant(copies: 4, during: TimeSpan.FromMilliseconds(200)),
            Simulation.KeepConstant(copies: 4, during: TimeSpan.FromMilliseconds(300)));

        var result = LoadRunner.RegisterScenarios(inject, keepConstant).Quiet().Run();

        result.ScenarioStats.Get("inject_scenario").AllOkCount.Should().Be(40 + 25, "the open model starts exactly what the schedule asks for");
        result.ScenarioStats.Get("keep_constant_scenario").Model.Should().Be("closed");
        result.ScenarioStats.Get("keep_constant_scenario").AllOkCount.Should().BeGreaterThan(4);
        result.AllOkCount.Should().Be(result.ScenarioStats.Sum(s => s.AllOkCount));
    }

    [Fact]
    public void SequentialHttpSteps_WithHttpHelpers_FillStatusAndSize()
    {
        using var httpClient = new HttpClient();
        var url = new Uri(_target.BaseUrl, "_admin/ping").ToString();

        var scenario = Scenario.Create("http_scenario", async context =>
        {
            var step1 = await Step.Run("step_1", context, async () =>
            {
                var request =
                    Http.CreateRequest("GET", url)
                        .WithHeader("Accept", "text/plain");

                var response = await Http.Send(httpClient, request);

                return response;
            });

            var step2 = await Step.Run("step_2", context, async () =>
            {
                var request =
                    Http.CreateRequest("POST", url)
                        .WithHeader("Content-Type", "application/json")
                        .WithBody(new StringContent("{\"ping\":1}"));

                var response = await Http.Send(httpClient, request);

                return response;
            });

            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.Inject(rate: 20, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));

        var result = LoadRunner.RegisterScenarios(scenario).Quiet().Run();

        var stats = result.ScenarioStats.Get("http_scenario");
        var step1 = stats.StepStats.Get("step_1");
        step1.Ok.Request.Count.Should().Be(20);
        step1.Ok.StatusCodes.Get("200").Count.Should().Be(20);
        step1.Ok.DataTransfer.AllBytes.Should().Be(20 * "pong".Length);
        // POST is not mapped: 405, a failed step that (RestartIterationOnFail, NBomber's default) ends the iteration.
        var step2 = stats.StepStats.Get("step_2");
        step2.Fail.Request.Count.Should().Be(20);
        step2.Fail.StatusCodes.Get("405").IsError.Should().BeTrue();
        step2.Fail.DataTransfer.AllBytes.Should().BeGreaterThanOrEqualTo(20 * "{\"ping\":1}".Length);
        stats.Fail.Request.Count.Should().Be(20);
        stats.Fail.StatusCodes.Get("405").Count.Should().Be(20);
    }

    [Fact]
    public async Task XunitThresholds_AssertOnTheReturnedStats()
    {
        // On the virtual clock, its target answering in 2 ms of it: the verdict is the thresholds', whatever the machine.
        var run = new VirtualRun();
        run.Target.Latency = TimeSpan.FromMilliseconds(2);
        var scenario = Scenario.Create("http_scenario", async context =>
        {
            var step1 = await Step.Run("step_1", context, async () =>
            {
                using var httpClient = new HttpClient(new VirtualHttpHandler(run.Target));
                var request = Http.CreateRequest("GET", new Uri(VirtualRun.TargetUrl, "_admin/ping").ToString());
                var response = await Http.Send(httpClient, request);
                return response;
            });

            return Response.Ok();
        })
        .WithoutWarmUp()
        .WithLoadSimulations(Simulation.Inject(rate: 10, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)))
        .WithThresholds(
            // Scenario's threshold that checks: error rate < 10%
            Threshold.Create(scenarioStats => scenarioStats.Fail.Request.Percent < 10),
            // Step's threshold that checks: error rate < 10%
            Threshold.Create("step_1", stepStats => stepStats.Fail.Request.Percent < 10),
            // A threshold that fails: no scenario answers in less than a microsecond at p99.
            Threshold.Create(stats => stats.Ok.Latency.Percent99 < 0.000_001)
        );

        var result = await run.RunAsync(LoadRunner.RegisterScenarios(scenario).Quiet());

        var scnStats = result.ScenarioStats.Get("http_scenario");
        var step1Stats = scnStats.StepStats.Get("step_1");
        Assert.True(result.AllBytes > 0);
        Assert.True(scnStats.Ok.Request.RPS > 0);
        Assert.True(step1Stats.Ok.Latency.MinMs > 0);
        Assert.True(step1Stats.Ok.Latency.Percent99 >= step1Stats.Ok.Latency.Percent50);
        step1Stats.Ok.Request.Count.Should().Be(10);
        run.Target.Requests.Should().Equal(new Dictionary<string, long> { ["GET /_admin/ping"] = 10 });

        result.Thresholds.Should().HaveCount(3);
        result.Thresholds[0].IsFailed.Should().BeFalse();
        result.Thresholds[1].StepName.Should().Be("step_1");
        result.Thresholds[1].IsFailed.Should().BeFalse();
        result.Thresholds[2].IsFailed.Should().BeTrue();
        result.Thresholds[2].CheckExpression.Should().Be("stats => stats.Ok.Latency.Percent99 < 0.000_001");
        result.Verdict.Should().Be("fail");
        result.ExitCode.Should().Be(1);
    }
}
