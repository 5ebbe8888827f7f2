namespace Harness.Load.Tests.Engine;

/// <summary>
/// Every simulation's schedule, on the plan's own timeline: arrival times and copy counts are pure functions of time,
/// so they are checked without a clock (no run, no sleeping, milliseconds per test).
/// </summary>
public class SimulationScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Simulation_NamedArgumentsBindAsInNBomber()
    {
        Simulation.Inject(rate: 10, interval: Second, during: Second).Should().Be(new LoadSimulation.Inject(10, Second, Second));
        Simulation.RampingInject(rate: 10, interval: Second, during: Second).Should().Be(new LoadSimulation.RampingInject(10, Second, Second));
        Simulation.InjectRandom(minRate: 1, maxRate: 5, interval: Second, during: Second).Should().Be(new LoadSimulation.InjectRandom(1, 5, Second, Second));
        Simulation.IterationsForInject(rate: 10, interval: Second, iterations: 7).Should().Be(new LoadSimulation.IterationsForInject(10, Second, 7));
        Simulation.KeepConstant(copies: 3, during: Second).Should().Be(new LoadSimulation.KeepConstant(3, Second));
        Simulation.RampingConstant(copies: 3, during: Second).Should().Be(new LoadSimulation.RampingConstant(3, Second));
        Simulation.IterationsForConstant(copies: 3, iterations: 9).Should().Be(new LoadSimulation.IterationsForConstant(3, 9));
        Simulation.Pause(during: Second).Should().Be(new LoadSimulation.Pause(Second));
    }

    [Fact]
    public void Inject_IntervalOfHalfASecond_StartsRatePerIntervalEvenlySpaced()
    {
        var arrivals = Arrivals(Simulation.Inject(rate: 5, interval: TimeSpan.FromMilliseconds(500), during: TimeSpan.FromSeconds(2)));

        arrivals.Should().HaveCount(20);
        arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => Math.Abs(gap - 0.1) < 1e-9);
    }

    [Fact]
    public void RampingInject_ThenRampDownToZero_FollowsTheRateBothWays()
    {
        var plan = Plan(
            Simulation.RampingInject(rate: 100, interval: Second, during: TimeSpan.FromSeconds(2)),
            Simulation.RampingInject(rate: 0, interval: Second, during: TimeSpan.FromSeconds(2)));

        var arrivals = Drain(new InjectionSchedule(plan));

        arrivals.Should().HaveCount(200);
        arrivals.Count(a => a < 1).Should().BeCloseTo(25, 1);
        arrivals.Count(a => a >= 3).Should().BeCloseTo(25, 1);
        plan.RateAt(TimeSpan.FromSeconds(1)).Should().BeApproximately(50, 1e-9);
        plan.RateAt(TimeSpan.FromSeconds(2)).Should().BeApproximately(100, 1e-9);
        plan.RateAt(TimeSpan.FromSeconds(3)).Should().BeApproximately(50, 1e-9);
    }

    [Fact]
    public void InjectRandom_EachIntervalDrawsARateInRange_ReproduciblyFromTheSeed()
    {
        var simulation = Simulation.InjectRandom(minRate: 10, maxRate: 50, interval: Second, during: TimeSpan.FromSeconds(20));

        var perSecond = Arrivals(simulation, seed: 7).GroupBy(a => (int)a).Select(g => g.Count()).ToArray();
        var again = Arrivals(simulation, seed: 7).GroupBy(a => (int)a).Select(g => g.Count()).ToArray();
        var other = Arrivals(simulation, seed: 8).GroupBy(a => (int)a).Select(g => g.Count()).ToArray();

        perSecond.Should().HaveCount(20).And.OnlyContain(n => n >= 10 && n <= 51);
        perSecond.Distinct().Count().Should().BeGreaterThan(5, "the rate changes from interval to interval");
        again.Should().Equal(perSecond);
        other.Should().NotEqual(perSecond);
    }

    [Fact]
    public void IterationsForInject_StartsExactlyThatManyAtTheRate()
    {
        var simulation = Simulation.IterationsForInject(rate: 50, interval: Second, iterations: 120);

        var arrivals = Arrivals(simulation);

        arrivals.Should().HaveCount(120);
        arrivals[^1].Should().BeApproximately(119 / 50.0, 1e-9);
        simulation.During.Should().Be(TimeSpan.FromSeconds(2.4));
    }

    [Fact]
    public void Pause_InTheMiddle_HasNoArrivalsAndTheRampAfterItStartsFromZero()
    {
        var plan = Plan(
            Simulation.Inject(rate: 10, interval: Second, during: Second),
            Simulation.Pause(during: TimeSpan.FromSeconds(2)),
            Simulation.RampingInject(rate: 20, interval: Second, during: TimeSpan.FromSeconds(2)));

        var arrivals = Drain(new InjectionSchedule(plan));

        arrivals.Count(a => a < 1).Should().Be(10);
        arrivals.Count(a => a >= 1 && a < 3).Should().Be(0);
        arrivals.Count(a => a >= 3).Should().Be(20, "a ramp from 0 to 20/s over 2 s");
        plan.Duration.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void KeepConstantAndRampingConstant_CopiesFollowThePhases()
    {
        var plan = Plan(
            Simulation.RampingConstant(copies: 10, during: TimeSpan.FromSeconds(10)),
            Simulation.KeepConstant(copies: 10, during: TimeSpan.FromSeconds(5)),
            Simulation.Pause(during: TimeSpan.FromSeconds(1)),
            Simulation.RampingConstant(copies: 0, during: TimeSpan.FromSeconds(4)));

        plan.IsOpen.Should().BeFalse();
        plan.CopiesAt(TimeSpan.Zero).Should().Be(0);
        plan.CopiesAt(TimeSpan.FromSeconds(5)).Should().Be(5);
        plan.CopiesAt(TimeSpan.FromSeconds(12)).Should().Be(10);
        plan.CopiesAt(TimeSpan.FromSeconds(15.5)).Should().Be(0, "paused");
        plan.CopiesAt(TimeSpan.FromSeconds(18)).Should().Be(0, "the ramp after a pause starts from 0");
        plan.MaxCopies.Should().Be(10);
        plan.Duration.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void IterationsForConstant_HasNoPlannedEndButACount()
    {
        var plan = Plan(Simulation.IterationsForConstant(copies: 4, iterations: 1000));

        plan.Duration.Should().BeNull();
        plan.ClosedPhases.Single().Iterations.Should().Be(1000);
        plan.CopiesAt(TimeSpan.FromHours(3)).Should().Be(4);
    }

    [Fact]
    public void WarmUp_IsTheFirstSimulationsShapeInFrontOfTheRun()
    {
        var scenario = Scenario.Create("s", _ => Task.FromResult<IResponse>(Response.Ok()))
            .WithWarmUpDuration(TimeSpan.FromSeconds(2))
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: TimeSpan.FromSeconds(5)));

        var plan = RunSession.PlanFor(scenario, seed: 1);
        var arrivals = Drain(new InjectionSchedule(plan));

        plan.WarmUp.Should().Be(TimeSpan.FromSeconds(2));
        plan.Duration.Should().Be(TimeSpan.FromSeconds(7));
        arrivals.Count(a => a < 2).Should().Be(20, "warm-up arrivals run but stay out of the statistics");
        arrivals.Should().HaveCount(70);
        RunSession.PlanFor(scenario.WithoutWarmUp(), seed: 1).WarmUp.Should().Be(TimeSpan.Zero);
        ScenarioProps.DefaultWarmUpDuration.Should().Be(TimeSpan.FromSeconds(30), "NBomber's default");
    }

    [Theory]
    [InlineData("rate")]
    [InlineData("interval")]
    [InlineData("iterations")]
    [InlineData("copies")]
    [InlineData("minRate")]
    public void InvalidSimulation_IsRefusedNamingWhatIsWrong(string what)
    {
        LoadSimulation simulation = what switch
        {
            "rate" => Simulation.Inject(rate: -1, interval: Second, during: Second),
            "interval" => Simulation.Inject(rate: 1, interval: TimeSpan.Zero, during: Second),
            "iterations" => Simulation.IterationsForInject(rate: 1, interval: Second, iterations: 0),
            "copies" => Simulation.IterationsForConstant(copies: 0, iterations: 5),
            _ => Simulation.InjectRandom(minRate: 5, maxRate: 1, interval: Second, during: Second),
        };

        var act = () => Plan(simulation);

        act.Should().Throw<ArgumentException>().WithMessage($"*{what}*");
    }

    private static LoadPlan Plan(params LoadSimulation[] simulations) => new(simulations, TimeSpan.Zero);

    private static List<double> Arrivals(LoadSimulation simulation, int seed = 1) =>
        Drain(new InjectionSchedule(new LoadPlan([simulation], TimeSpan.Zero, seed)));

    private static List<double> Drain(InjectionSchedule schedule)
    {
        var arrivals = new List<double>();
        while (schedule.Next() is { } next && arrivals.Count < 1_000_000)
            arrivals.Add(next);
        return arrivals;
    }
}
