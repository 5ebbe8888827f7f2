namespace Harness.Atlas.Tests.Support;

/// <summary>A clock the test moves by hand (only <see cref="GetUtcNow"/>; timers stay real).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
