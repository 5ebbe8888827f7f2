namespace Harness.Sandbox;

/// <summary>
/// The sandbox's clock: the system clock's pace, from a chosen start, plus an offset a journey can move forward and
/// put back. Thread-safe; timers and timestamps are the system's.
/// <list type="bullet">
/// <item><c>new SandboxClock()</c> starts at the system time. Journeys <see cref="Advance"/> it to reach a contract's
/// expiry without waiting, then <see cref="Reset"/> it.</item>
/// <item><c>new SandboxClock(start)</c> starts at <paramref name="start"/> and runs at the real pace (<c>--clock</c>).
/// Pact files are written for a fixed reference date (their itineraries depart relative to it), so a verifier runs the
/// sandbox started at that date: offers, contracts and expiries then line up with the pacts, and tokens still expire
/// in real time.</item>
/// </list>
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeSpan _startOffset;
    private long _offsetTicks;

    /// <summary>A clock at the system time.</summary>
    public SandboxClock()
    {
    }

    /// <summary>A clock that reads <paramref name="start"/> now and then runs at the real pace.</summary>
    public SandboxClock(DateTimeOffset start) => _startOffset = start - System.GetUtcNow();

    /// <summary>How far <see cref="Advance"/> has moved the clock since it started or was last reset.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _startOffset + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/> (which must not be negative).</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock only moves forward; use Reset to go back.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
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

    /// <summary>Takes back every <see cref="Advance"/>: the system time, or the course from the start instant.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
