namespace Harness.Load.Tests.Engine;

/// <summary>
/// The engine's scheduling, pacing, lateness and coordinated-omission correction, on a virtual clock
/// (<see cref="VirtualRun"/>): exact numbers, milliseconds per test, whatever else the machine is doing. What needs the
/// real clock (the achieved rate at 1 000–5 000/s, lateness p99, the generator's memory) is measured by
/// load/bench/bench.sh; <see cref="RunAsync_RealClockAgainstKestrel_StartsAndAnswersEveryArrival"/> is the one short
/// real-clock run kept here.
/// </summary>
public sealed class ScenarioEngineTests
{
    private const long Ms = 1000; // histogram values are microseconds

    [Fact]
    public async Task RunAsync_Inject1000PerSecondFor3Seconds_StartsEveryArrivalOnTimeAtExactlyTheRate()
    {
        var run = new VirtualRun();
        run.Target.Latency = TimeSpan.FromMilliseconds(3);
        var plan = new LoadPlan([new LoadSimulation.Inject(1000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))], TimeSpan.Zero);

        var outcome = await run.RunAsync(run.CallTarget(), plan);

        var stats = outcome.Statistics;
        stats.Scheduled.Should().Be(3000);
        stats.Started.Should().Be(3000);
        stats.Late.Should().Be(0);
        stats.Lateness.ValueAtPercentile(100).Should().Be(0);
        stats.Dropped.Should().Be(0);
        stats.Iterations.Ok.Should().Be(3000);
        run.Target.Calls.Should().Be(3000);
        stats.Iterations.Corrected.ValueAtPercentile(99).Should().BeCloseTo(3 * Ms, 15, "on time, latency from the intended start is the target's 3 ms");
        stats.Iterations.Service.ValueAtPercentile(99).Should().BeCloseTo(3 * Ms, 15);
        outcome.TargetRate.Should().BeApproximately(1000, 1e-6);
        outcome.AchievedRate.Should().BeApproximately(1000, 1e-6);
        outcome.MeasuredDuration.Should().Be(TimeSpan.FromSeconds(3));
        outcome.Incomplete.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_RampingInject_StartsArrivalsWhereThePlanPutsThem()
    {
        // 0 → 200/s over 2 s: 100 arrivals in the first second would be a flat rate; a linear ramp puts 50 there.
        var run = new VirtualRun();
        var perSecond = new int[3];
        var scenario = Scenario.Create("ramp", context =>
        {
            Interlocked.Increment(ref perSecond[(int)run.Elapsed.TotalSeconds]);
            return Task.FromResult<IResponse>(Response.Ok());
        });
        var plan = new LoadPlan([Simulation.RampingInject(rate: 200, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(2))], TimeSpan.Zero);

        var outcome = await run.RunAsync(scenario, plan);

        perSecond[0].Should().BeCloseTo(50, 1);
        perSecond[1].Should().BeCloseTo(150, 1);
        (perSecond[0] + perSecond[1] + perSecond[2]).Should().Be(200);
        outcome.Statistics.Late.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_TargetStallsOneSecond_CorrectedP99ShowsTheStallAndServiceTimeDoesNot()
    {
        // wrk2's case: with 8 requests allowed in flight, a 1 s stall holds the generator back; the arrivals it could
        // not start on time start late, and only latency from the intended start shows what users would have seen.
        var run = new VirtualRun();
        run.Target.Latency = TimeSpan.FromMilliseconds(1);
        run.Target.Stall(from: TimeSpan.FromSeconds(1), duration: TimeSpan.FromSeconds(1));
        var plan = new LoadPlan([new LoadSimulation.Inject(500, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4))], TimeSpan.Zero);

        var outcome = await run.RunAsync(run.CallTarget(), plan, o => o with { MaxInFlight = 8 });

        var stats = outcome.Statistics;
        var iterations = stats.Iterations;
        iterations.Ok.Should().Be(2000);
        // The arrival due at 1.000 s waited for the whole stall: corrected max = 1 s + the target's 1 ms.
        iterations.Corrected.ValueAtPercentile(100).Should().BeCloseTo(1001 * Ms, 5 * Ms);
        iterations.Corrected.ValueAtPercentile(99).Should().BeGreaterThanOrEqualTo(900 * Ms);
        // Only the 8 in flight when the stall began (0.4 % of 2 000) waited inside the target: service p99 is the 1 ms.
        iterations.Service.ValueAtPercentile(99).Should().BeCloseTo(1 * Ms, 15);
        iterations.Service.ValueAtPercentile(100).Should().BeCloseTo(1000 * Ms, 5 * Ms);
        // Late: the 493 arrivals from 1.016 s on that found all 8 slots held (they start from 2.001 s, 8 per ms, up to
        // 985 ms late), and the 32 that arrived while that backlog drained and queued behind it.
        stats.Late.Should().Be(525);
        stats.Lateness.ValueAtPercentile(100).Should().BeCloseTo(985 * Ms, 20 * Ms);
        stats.Dropped.Should().Be(0);
        outcome.AchievedRate.Should().BeApproximately(500, 1e-6, "the backlog drained within the plan");
    }

    [Fact]
    public async Task RunAsync_TargetStalls_TheSameRunGivesTheSameNumbers()
    {
        async Task<long[]> Percentiles()
        {
            var run = new VirtualRun();
            run.Target.Latency = TimeSpan.FromMilliseconds(2);
            run.Target.Stall(from: TimeSpan.FromMilliseconds(300), duration: TimeSpan.FromMilliseconds(250));
            var plan = new LoadPlan([new LoadSimulation.Inject(400, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))], TimeSpan.Zero);
            var stats = (await run.RunAsync(run.CallTarget(), plan, o => o with { MaxInFlight = 4 })).Statistics;
            return [.. new[] { 50.0, 90, 99, 100 }.SelectMany(p => new[] { stats.Iterations.Corrected.ValueAtPercentile(p), stats.Iterations.Service.ValueAtPercentile(p), stats.Lateness.ValueAtPercentile(p) }), stats.Late];
        }

        var first = await Percentiles();
        var again = await Percentiles();

        again.Should().Equal(first);
        first[^1].Should().BeGreaterThan(0, "the stall made arrivals late");
    }

    [Fact]
    public async Task RunAsync_BacklogFull_DropsArrivalsAndCountsThem()
    {
        // 2 in flight for 1 s each and 4 waiting: of 400 arrivals over 2 s, 2 start at 0 s; the next 4 wait. At 1 s two
        // of them start and two new arrivals take their places; at 2 s (the plan's end) two more, and the last two at 3 s.
        // The other 392 find the backlog full. (Every arrival and answer falls on a 5 ms step.)
        var run = new VirtualRun { Tick = TimeSpan.FromMilliseconds(5) };
        run.Target.Latency = TimeSpan.FromSeconds(1);
        var plan = new LoadPlan([new LoadSimulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))], TimeSpan.Zero);

        var outcome = await run.RunAsync(run.CallTarget(), plan, o => o with { MaxInFlight = 2, MaxBacklog = 4 });

        var stats = outcome.Statistics;
        stats.Scheduled.Should().Be(400);
        stats.Started.Should().Be(8);
        stats.Dropped.Should().Be(392);
        (stats.Started + stats.Dropped).Should().Be(stats.Scheduled);
        outcome.AchievedRate.Should().BeLessThan(outcome.TargetRate * 0.1);
    }

    [Fact]
    public async Task RunAsync_ClosedModelWithErrors_CountsFailuresByStatus()
    {
        // 4 copies back to back on a target answering 503 after 10 ms: about 100 iterations per copy in 1 s.
        var run = new VirtualRun();
        run.Target.StatusCode = 503;
        run.Target.Latency = TimeSpan.FromMilliseconds(10);
        var plan = new LoadPlan([new LoadSimulation.KeepConstant(4, TimeSpan.FromSeconds(1))], TimeSpan.Zero);

        // The clock moves when all 4 copies wait at the target (after the plan's end, when the rest have finished).
        var outcome = await run.RunAsync(run.CallTarget(), plan,
            settled: e => e.InFlight == 4 || run.Elapsed >= TimeSpan.FromSeconds(1));

        var iterations = outcome.Statistics.Iterations;
        iterations.Ok.Should().Be(0);
        iterations.Fail.Should().Be(400, "4 copies × 1 s ÷ 10 ms");
        iterations.ByStatus.Keys.Should().Equal("503");
        iterations.ByStatus["503"].Count.Should().Be(iterations.Fail);
        iterations.Service.ValueAtPercentile(50).Should().BeCloseTo(10 * Ms, 50);
        outcome.Statistics.Late.Should().Be(0, "a closed model has no schedule to be late for");
    }

    [Fact]
    public async Task RunAsync_WarmUp_KeepsWarmUpIterationsOutOfTheStatistics()
    {
        var run = new VirtualRun();
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2))], TimeSpan.FromSeconds(1));

        var outcome = await run.RunAsync(run.CallTarget(), plan);

        outcome.Statistics.Scheduled.Should().Be(100);
        outcome.Statistics.Iterations.Ok.Should().Be(100);
        run.Target.Calls.Should().Be(200);
        outcome.MeasuredDuration.Should().Be(TimeSpan.FromSeconds(1));
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

        var outcome = await new VirtualRun().RunAsync(scenario, plan);

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

        var outcome = await new VirtualRun().RunAsync(scenario, plan);

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
        var run = new VirtualRun();
        var plan = new LoadPlan([new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))], TimeSpan.Zero);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), run.Time);

        var outcome = await run.RunAsync(run.CallTarget(), plan, stop: cts.Token);

        outcome.Incomplete.Should().BeTrue();
        outcome.Statistics.Scheduled.Should().Be(100, "arrivals at 0, 10, …, 990 ms; the stop at 1 s comes before the next");
        outcome.MeasuredDuration.Should().Be(TimeSpan.FromSeconds(1));
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
            await new VirtualRun().RunAsync(scenario, plan, o => o with { Seed = seed });
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

    [Fact]
    public async Task RunAsync_RealClockAgainstKestrel_StartsAndAnswersEveryArrival()
    {
        // The one short run on the system clock and a real socket: counts only (how late each start was depends on the
        // machine; load/bench/bench.sh measures that).
        await using var target = await TestTarget.StartAsync();
        using var http = HttpTarget.CreateClient(target.BaseUrl, new HttpSettings());
        var plan = new LoadPlan([new LoadSimulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500))], TimeSpan.Zero);

        var outcome = await EngineRun.RunAsync(PingScenario.Create(new ProfileContext(target.BaseUrl, null, http, 1)), plan);

        var stats = outcome.Statistics;
        stats.Scheduled.Should().Be(100);
        stats.Started.Should().Be(100);
        stats.Iterations.Ok.Should().Be(100);
        target.Requests.Should().Be(100);
        outcome.Incomplete.Should().BeFalse();
    }
}
