namespace Harness.Load.Engine;

/// <summary>
/// What a test's driver sees of a whole run on a virtual clock (<see cref="LoadRunnerContext.Time"/> a fake one):
/// the engines, each dispatcher's pacer, and the live-reporting loop's ticks, so it can move the clock only when the
/// run is quiet (tests/Harness.Load.Tests/Support/VirtualRun.cs). Null in a real run.
/// </summary>
internal interface IRunObserver
{
    /// <summary>The pacer the dispatcher of scenario group <paramref name="group"/> waits through.</summary>
    IDispatchPacer Pacer(int group);

    /// <summary>
    /// The engines are built and about to start, and the live-reporting loop has started its timer at this instant of the
    /// clock (<paramref name="liveInterval"/>: its period, or null when the run reports nothing live).
    /// </summary>
    void Starting(IReadOnlyList<ScenarioEngine> engines, TimeSpan? liveInterval);

    /// <summary>The run waits for <c>--start-at</c> until <paramref name="wake"/> of the clock (then checks again).</summary>
    void WaitingUntil(DateTimeOffset wake);

    /// <summary>The live-reporting loop has handled one more tick (thresholds checked, sinks fed).</summary>
    void LiveReported();
}
