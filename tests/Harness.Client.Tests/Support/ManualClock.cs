namespace Harness.Client.Tests.Support;

/// <summary>A clock the test moves by hand, so token expiry is tested without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private long ticks = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
