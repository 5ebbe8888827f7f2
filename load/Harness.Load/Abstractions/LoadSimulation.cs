namespace Harness.Load;

/// <summary>
/// One phase of a load shape, in NBomber's vocabulary. Inject/RampingInject are the open model (arrivals on a schedule
/// whatever the responses do); KeepConstant/RampingConstant the closed model (N copies looping).
/// </summary>
public abstract record LoadSimulation(TimeSpan During)
{
    public bool IsOpen => this is Inject or RampingInject;

    /// <summary>Starts <paramref name="Rate"/> iterations every <paramref name="Interval"/>, evenly spaced.</summary>
    public sealed record Inject(double Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During);

    /// <summary>Ramps the injection rate linearly from the previous phase's rate (0 at the start) to <paramref name="Rate"/>.</summary>
    public sealed record RampingInject(double Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During);

    /// <summary>Keeps <paramref name="Copies"/> iterations running back to back.</summary>
    public sealed record KeepConstant(int Copies, TimeSpan During) : LoadSimulation(During);

    /// <summary>Ramps the number of copies linearly from the previous phase's (0 at the start) to <paramref name="Copies"/>.</summary>
    public sealed record RampingConstant(int Copies, TimeSpan During) : LoadSimulation(During);
}
