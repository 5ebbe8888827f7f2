namespace Harness.Sandbox;

/// <summary>
/// A clock that starts at a chosen instant and then runs at the real pace. Pact files are written for a fixed reference
/// date (their itineraries depart relative to it), so a verifier runs the sandbox on this clock started at that date:
/// offers, contracts and expiries then line up with the pacts, and tokens still expire in real time.
/// </summary>
public sealed class StartingAtClock : TimeProvider
{
    private readonly DateTimeOffset start;
    private readonly long startTimestamp;

    public StartingAtClock(DateTimeOffset start)
    {
        this.start = start;
        startTimestamp = System.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(startTimestamp);
}
