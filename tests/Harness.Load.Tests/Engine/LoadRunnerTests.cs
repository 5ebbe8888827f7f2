using Harness.Load.Engine;
using Harness.Load.Profiles;
using Harness.Load.Targets;
using Harness.Load.Tests.Support;

namespace Harness.Load.Tests.Engine;

public sealed class LoadRunnerTests : IAsyncLifetime
{
    private TestTarget _target = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _target = await TestTarget.StartAsync();
        _http = HttpTarget.CreateClient(_target.BaseUrl, new HttpSettings());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_Inject1000PerSecondFor3Seconds_AchievesTheRateWithinOnePercent()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(1000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))], TimeSpan.Zero);

        var outcome = await new LoadRunner(new RunOptions(Ping(), plan)).RunAsync(CancellationToken.None);

        var stats = outcome.Statistics;
        stats.Scheduled.Should().Be(3000);
        stats.Started.Should().BeGreaterThanOrEqualTo(2970);
        stats.Dropped.Should().Be(0);
        stats.Iterations.Ok.Should().Be(stats.Started);
        stats.Iterations.Fail.Should().Be(0);
        _target.Requests.Should().Be(stats.Started);
        (outcome.AchievedRate / outcome.TargetRate).Should().BeGreaterThanOrEqualTo(0.99);
        outcome.Incomplete.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_TargetStallsOneSecond_CorrectedP99ShowsTheStallAndServiceTimeDoesNot()
    {
        // wrk2's case: with 8 requests allowed in flight, a 1 s stall holds the generator back; the arrivals it could
        // not start on time start late, and only latency from the intended start shows what users would have seen.
        var plan = new LoadPlan([new LoadSimulation.Inject(500, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4))], TimeSpan.Zero);
        var options = new RunOptions(Ping(), plan) { MaxInFlight = 8 };
        var runner = new LoadRunner(options);

        var run = runner.RunAsync(CancellationToken.None);
        await Task.Delay(1000);
        _target.Stall(TimeSpan.FromSeconds(1));
        var outcome = await run;

        var iterations = outcome.Statistics.Iterations;
        iterations.Corrected.ValueAtPercentile(99).Should().BeGreaterThanOrEqualTo(500_000);
        // Far lower: the stall shows in service time only for the few requests in flight when it began (8 of 2000).
        iterations.Service.ValueAtPercentile(99).Should().BeLessThan(250_000)
            .And.BeLessThan(iterations.Corrected.ValueAtPercentile(99) / 4);
        outcome.Statistics.Late.Should().BeGreaterThan(100);
        outcome.Statistics.Lateness.ValueAtPercentile(99).Should().BeGreaterThanOrEqualTo(500_000);
        iterations.Ok.Should().Be(2000);
    }

    [Fact]
    public async Task RunAsync_BacklogFull_DropsArrivalsAndCountsThem()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))], TimeSpan.Zero);
        _target.Latency = TimeSpan.FromSeconds(1);
        var options = new RunOptions(Ping(), plan) { MaxInFlight = 2, MaxBacklog = 4 };

        var outcome = await new LoadRunner(options).RunAsync(CancellationToken.None);

        var stats = outcome.Statistics;
        stats.Dropped.Should().BeGreaterThan(300);
        (stats.Started + stats.Dropped).Should().Be(stats.Scheduled);
        outcome.AchievedRate.Should().BeLessThan(outcome.TargetRate * 0.1);
    }

    [Fact]
    public async Task RunAsync_ClosedModelWithErrors_CountsFailuresByStatus()
    {
        _target.StatusCode = 503;
        var plan = new LoadPlan([new LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        var outcome = await new LoadRunner(new RunOptions(Ping(), plan)).RunAsync(CancellationToken.None);

        var iterations = outcome.Statistics.Iterations;
        iterations.Ok.Should().Be(0);
        iterations.Fail.Should().BeGreaterThan(10);
        iterations.ByStatus.Keys.Should().Equal(503);
        iterations.ByStatus[503].Count.Should().Be(iterations.Fail);
        outcome.Statistics.Late.Should().Be(0, "a closed model has no schedule to be late for");
    }

    [Fact]
    public async Task RunAsync_WarmUp_KeepsWarmUpIterationsOutOfTheStatistics()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))], TimeSpan.FromSeconds(1));

        var outcome = await new LoadRunner(new RunOptions(Ping(), plan)).RunAsync(CancellationToken.None);

        outcome.Statistics.Scheduled.Should().Be(100);
        outcome.Statistics.Iterations.Ok.Should().Be(100);
        _target.Requests.Should().Be(200);
        outcome.MeasuredDuration.TotalSeconds.Should().BeApproximately(1, 0.1);
    }

    [Fact]
    public async Task RunAsync_InitStep_HandsItsDataToEveryIteration()
    {
        var seen = 0;
        var scenario = new ScenarioDefinition("init", [new LoadStep("read", ctx =>
        {
            if (ctx.Data<string>() == "session-1")
                Interlocked.Increment(ref seen);
            return ValueTask.FromResult(StepResult.Ok());
        })])
        {
            Init = _ => Task.FromResult<object?>("session-1"),
        };
        var plan = new LoadPlan([new LoadSimulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        var outcome = await new LoadRunner(new RunOptions(scenario, plan)).RunAsync(CancellationToken.None);

        seen.Should().Be(50);
        outcome.Statistics.Steps.Single().Ok.Should().Be(50);
    }

    [Fact]
    public async Task RunAsync_SkippedStep_IsNotRecordedAndTheIterationGoesOn()
    {
        var scenario = new ScenarioDefinition("mix",
        [
            new LoadStep("choose", ctx =>
            {
                ctx.State<List<string>>().Add(ctx.Iteration % 2 == 0 ? "even" : "odd");
                return ValueTask.FromResult(StepResult.Ok());
            }),
            new LoadStep("even", ctx => ValueTask.FromResult(ctx.State<List<string>>()[0] == "even" ? StepResult.Ok(201) : StepResult.Skip)),
            new LoadStep("odd", ctx => ValueTask.FromResult(ctx.State<List<string>>()[0] == "odd" ? StepResult.Ok(202) : StepResult.Skip)),
        ]);
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        var outcome = await new LoadRunner(new RunOptions(scenario, plan)).RunAsync(CancellationToken.None);

        var steps = outcome.Statistics.Steps;
        steps[0].Ok.Should().Be(100);
        steps[1].Ok.Should().Be(50);
        steps[2].Ok.Should().Be(50);
        steps[1].ByStatus.Keys.Should().Equal(201);
        steps[2].ByStatus.Keys.Should().Equal(202);
        outcome.Statistics.Iterations.Ok.Should().Be(100);
        outcome.Statistics.Iterations.ByStatus.Keys.Should().BeEquivalentTo([201, 202], "an iteration's outcome is its last step that ran");
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsEarlyAndIsMarkedIncomplete()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))], TimeSpan.Zero);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var outcome = await new LoadRunner(new RunOptions(Ping(), plan)).RunAsync(cts.Token);

        outcome.Incomplete.Should().BeTrue();
        outcome.Statistics.Scheduled.Should().BeInRange(50, 1000);
        outcome.MeasuredDuration.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_SameSeed_GivesEveryIterationTheSameRandomData()
    {
        async Task<IDictionary<long, int>> DrawAsync(int seed)
        {
            var drawn = new System.Collections.Concurrent.ConcurrentDictionary<long, int>();
            var scenario = new ScenarioDefinition("draw", [new LoadStep("draw", ctx =>
            {
                drawn[ctx.Iteration] = ctx.Random.Next();
                return ValueTask.FromResult(StepResult.Ok());
            })]);
            var plan = new LoadPlan([new LoadSimulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500))], TimeSpan.Zero);
            await new LoadRunner(new RunOptions(scenario, plan) { Seed = seed }).RunAsync(CancellationToken.None);
            return drawn;
        }

        var first = await DrawAsync(42);
        var again = await DrawAsync(42);
        var other = await DrawAsync(43);

        first.Should().HaveCount(100);
        again.Should().BeEquivalentTo(first);
        other.Values.Should().NotIntersectWith(first.Values);
        LoadRunner.IterationSeed(42, 7).Should().Be(LoadRunner.IterationSeed(42, 7)).And.NotBe(LoadRunner.IterationSeed(42, 8));
    }

    private ScenarioDefinition Ping() =>
        new PingProfile().CreateScenario(new ProfileContext(_target.BaseUrl, null, _http, 1));
}
