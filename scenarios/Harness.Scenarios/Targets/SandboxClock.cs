namespace Harness.Scenarios.Targets;

/// <summary>
/// The sandbox's clock: the system clock plus an offset a journey can move forward (to reach a contract's expiry
/// without waiting) and put back. Thread-safe.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/> (which must not be negative).</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock only moves forward; use Reset to go back to the system time.");
        }

        Interlocked.Add(ref offsetTicks, by.Ticks);
    }

    /// <summary>Moves the clock to just after <paramref name="instant"/>, if it is not already past it.</summary>
    public void AdvancePast(DateTimeOffset instant)
    {
        var now = GetUtcNow();
        if (now <= instant)
        {
            Advance(instant - now + TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>Back to the system time.</summary>
    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
