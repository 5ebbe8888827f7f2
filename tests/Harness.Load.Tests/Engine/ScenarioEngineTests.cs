using Harness.Load.Engine;
using Harness.Load.Profiles;
using Harness.Load.Targets;
using Harness.Load.Tests.Support;

namespace Harness.Load.Tests.Engine;

public sealed class ScenarioEngineTests : IAsyncLifetime
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

        var outcome = await EngineRun.RunAsync(Ping(), plan);

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
        var run = EngineRun.RunAsync(Ping(), plan, o => o with { MaxInFlight = 8 });
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
        var outcome = await EngineRun.RunAsync(Ping(), plan, o => o with { MaxInFlight = 2, MaxBacklog = 4 });

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

        var outcome = await EngineRun.RunAsync(Ping(), plan);

        var iterations = outcome.Statistics.Iterations;
        iterations.Ok.Should().Be(0);
        iterations.Fail.Should().BeGreaterThan(10);
        iterations.ByStatus.Keys.Should().Equal("503");
        iterations.ByStatus["503"].Count.Should().Be(iterations.Fail);
        outcome.Statistics.Late.Should().Be(0, "a closed model has no schedule to be late for");
    }

    [Fact]
    public async Task RunAsync_WarmUp_KeepsWarmUpIterationsOutOfTheStatistics()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))], TimeSpan.FromSeconds(1));

        var outcome = await EngineRun.RunAsync(Ping(), plan);

        outcome.Statistics.Scheduled.Should().Be(100);
        outcome.Statistics.Iterations.Ok.Should().Be(100);
        _target.Requests.Should().Be(200);
        outcome.MeasuredDuration.TotalSeconds.Should().BeApproximately(1, 0.1);
    }

    [Fact]
    public async Task RunAsync_Init_RunsOnceBeforeTheIterationsThatReadWhatItPrepared()
    {
        var seen = 0;
        string? session = null;
        var scenario = Scenario.Create("init", async context =>
        {
            await Step.Run("read", context, () => Task.FromResult(session == "session-1" ? Response.Ok() : Response.Fail()));
            Interlocked.Increment(ref seen);
            return Response.Ok();
        }).WithInit(_ =>
        {
            session = "session-1";
            return Task.CompletedTask;
        });
        var plan = new LoadPlan([Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        var outcome = await EngineRun.RunAsync(scenario, plan);

        seen.Should().Be(50);
        outcome.Statistics.Steps.Single().Ok.Should().Be(50);
    }

    [Fact]
    public async Task RunAsync_StepsNotTaken_AreNotRecordedAndTheIterationTakesTheLastStepsStatus()
    {
        var scenario = Scenario.Create("mix", async context =>
        {
            var even = (await Step.Run("choose", context, () => Task.FromResult(Response.Ok(payload: context.InvocationNumber % 2 == 0)))).Payload.Value;
            return even
                ? await Step.Run("even", context, () => Task.FromResult(Response.Ok(statusCode: "201")))
                : await Step.Run("odd", context, () => Task.FromResult(Response.Ok(statusCode: "202")));
        });
        var plan = new LoadPlan([Simulation.Inject(rate: 100, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        var outcome = await EngineRun.RunAsync(scenario, plan);

        var steps = outcome.Statistics.Steps;
        steps.Select(s => s.Name).Should().BeEquivalentTo(["choose", "even", "odd"], "steps are listed in the order first seen");
        steps[0].Name.Should().Be("choose");
        var even = steps.Single(s => s.Name == "even");
        var odd = steps.Single(s => s.Name == "odd");
        steps[0].Ok.Should().Be(100);
        even.Ok.Should().Be(50);
        odd.Ok.Should().Be(50);
        even.ByStatus.Keys.Should().Equal("201");
        odd.ByStatus.Keys.Should().Equal("202");
        outcome.Statistics.Iterations.Ok.Should().Be(100);
        outcome.Statistics.Iterations.ByStatus.Keys.Should().BeEquivalentTo(["201", "202"], "an iteration's status is its last step's when it returns none of its own");
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsEarlyAndIsMarkedIncomplete()
    {
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))], TimeSpan.Zero);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var outcome = await EngineRun.RunAsync(Ping(), plan, stop: cts.Token);

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
            var scenario = Scenario.Create("draw", context =>
            {
                drawn[context.InvocationNumber] = context.Random.Next();
                return Task.FromResult<IResponse>(Response.Ok());
            });
            var plan = new LoadPlan([Simulation.Inject(rate: 200, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMilliseconds(500))], TimeSpan.Zero);
            await EngineRun.RunAsync(scenario, plan, o => o with { Seed = seed });
            return drawn;
        }

        var first = await DrawAsync(42);
        var again = await DrawAsync(42);
        var other = await DrawAsync(43);

        first.Should().HaveCount(100);
        again.Should().BeEquivalentTo(first);
        other.Values.Should().NotIntersectWith(first.Values);
        ScenarioEngine.IterationSeed(42, 7).Should().Be(ScenarioEngine.IterationSeed(42, 7)).And.NotBe(ScenarioEngine.IterationSeed(42, 8));
    }

    private ScenarioProps Ping() =>
        PingScenario.Create(new ProfileContext(_target.BaseUrl, null, _http, 1));
}
