namespace Harness.Load.Tests.Engine;

public class InjectionScheduleTests
{
    [Fact]
    public void Next_ConstantInject_SpacesArrivalsEvenlyForTheWholeDuration()
    {
        var schedule = Schedule(new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

        var arrivals = Drain(schedule);

        arrivals.Should().HaveCount(500);
        arrivals[0].Should().Be(0);
        arrivals[1].Should().BeApproximately(0.01, 1e-9);
        arrivals[^1].Should().BeApproximately(4.99, 1e-9);
    }

    [Fact]
    public void Next_RateOverInterval_IsRatePerInterval()
    {
        var schedule = Schedule(new LoadSimulation.Inject(50, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));

        Drain(schedule).Should().HaveCount(200);
    }

    [Fact]
    public void Next_RampThenConstant_CountsTheAreaUnderTheRate()
    {
        // 0 → 200/s over 2 s (200 arrivals), then 200/s for 3 s (600).
        var schedule = Schedule(
            new LoadSimulation.RampingInject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            new LoadSimulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));

        var arrivals = Drain(schedule);

        arrivals.Should().HaveCount(800);
        arrivals.Should().BeInAscendingOrder();
        arrivals.Count(a => a < 1).Should().BeCloseTo(50, 1, "a linear ramp puts a quarter of its arrivals in its first half");
        arrivals.Count(a => a >= 2).Should().Be(600);
    }

    [Fact]
    public void Next_RampDown_EndsAtTheEndOfThePhase()
    {
        var schedule = Schedule(
            new LoadSimulation.Inject(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            new LoadSimulation.RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));

        var arrivals = Drain(schedule);

        arrivals.Should().HaveCount(200);
        arrivals[^1].Should().BeLessThanOrEqualTo(3);
        arrivals.Count(a => a >= 2).Should().BeCloseTo(25, 1);
    }

    [Fact]
    public void LoadPlan_OpenAndClosedMixed_IsRefused()
    {
        var act = () => new LoadPlan(
        [
            new LoadSimulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            new LoadSimulation.KeepConstant(2, TimeSpan.FromSeconds(1)),
        ], TimeSpan.Zero);

        act.Should().Throw<ArgumentException>().WithMessage("*open*closed*");
    }

    [Fact]
    public void LoadPlan_WarmUpLongerThanRun_IsRefused()
    {
        var act = () => new LoadPlan([new LoadSimulation.KeepConstant(2, TimeSpan.FromSeconds(1))], TimeSpan.FromSeconds(2));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*warm-up*");
    }

    [Fact]
    public void CopiesAt_RampingConstant_InterpolatesFromPreviousPhase()
    {
        var plan = new LoadPlan(
        [
            new LoadSimulation.KeepConstant(2, TimeSpan.FromSeconds(1)),
            new LoadSimulation.RampingConstant(10, TimeSpan.FromSeconds(4)),
        ], TimeSpan.Zero);

        plan.CopiesAt(TimeSpan.FromSeconds(0.5)).Should().Be(2);
        plan.CopiesAt(TimeSpan.FromSeconds(3)).Should().Be(6);
        plan.MaxCopies.Should().Be(10);
        plan.Model.Should().Be("closed");
    }

    private static InjectionSchedule Schedule(params LoadSimulation[] simulations) =>
        new(new LoadPlan(simulations, TimeSpan.Zero));

    private static List<double> Drain(InjectionSchedule schedule)
    {
        var arrivals = new List<double>();
        while (schedule.Next() is { } next && arrivals.Count < 1_000_000)
            arrivals.Add(next);
        return arrivals;
    }
}
