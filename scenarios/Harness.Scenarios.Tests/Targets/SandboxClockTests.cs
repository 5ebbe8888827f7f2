namespace Harness.Scenarios.Tests.Targets;

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
}
