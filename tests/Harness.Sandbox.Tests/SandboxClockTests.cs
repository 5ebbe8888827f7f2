namespace Harness.Sandbox.Tests;

public sealed class SandboxClockTests
{
    [Fact]
    public void AdvancePast_InstantInFuture_MovesJustBeyondIt()
    {
        var clock = new SandboxClock();
        var instant = DateTimeOffset.UtcNow.AddDays(30);

        clock.AdvancePast(instant);

        clock.GetUtcNow().Should().BeAfter(instant).And.BeBefore(instant.AddMinutes(5));
    }

    [Fact]
    public void AdvancePast_InstantInPast_LeavesClockAlone()
    {
        var clock = new SandboxClock();

        clock.AdvancePast(DateTimeOffset.UtcNow.AddDays(-1));

        clock.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Reset_AfterAdvance_ReturnsToSystemTime()
    {
        var clock = new SandboxClock();
        clock.Advance(TimeSpan.FromDays(3));

        clock.Reset();

        clock.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Advance_Negative_ThrowsNamingTheArgument() =>
        new SandboxClock().Invoking(c => c.Advance(TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("by");

    [Fact]
    public void StartingAt_AnInstant_ReadsItAndKeepsTheRealPace()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var clock = new SandboxClock(start);

        clock.GetUtcNow().Should().BeOnOrAfter(start).And.BeBefore(start.AddMinutes(1));
    }

    [Fact]
    public void Reset_OnAClockStartedAtAnInstant_GoesBackToItsOwnCourse()
    {
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new SandboxClock(start);
        clock.Advance(TimeSpan.FromDays(3));

        clock.Reset();

        clock.GetUtcNow().Should().BeBefore(start.AddMinutes(1), "the advance is taken back, not the start");
    }
}
