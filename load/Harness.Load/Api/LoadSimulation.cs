namespace Harness.Load;

/// <summary>
/// One phase of a scenario's load shape, as NBomber 5 names them (create them with <see cref="Simulation"/>).
/// Open model (arrivals on a schedule whatever the responses do): Inject, RampingInject, InjectRandom,
/// IterationsForInject. Closed model (copies looping back to back): KeepConstant, RampingConstant,
/// IterationsForConstant. Pause fits either. A scenario is open or closed, not both.
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation()
    {
    }

    /// <summary>How long the phase lasts; null for the IterationsFor* phases, which last until their count is done.</summary>
    public abstract TimeSpan? During { get; }

    public bool IsOpen => this is Inject or RampingInject or InjectRandom or IterationsForInject;

    public bool IsClosed => this is KeepConstant or RampingConstant or IterationsForConstant;

    /// <summary>Starts <paramref name="Rate"/> iterations every <paramref name="Interval"/>, evenly spaced.</summary>
    public sealed record Inject(double Rate, TimeSpan Interval, TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }

    /// <summary>Ramps the injection rate linearly from the previous phase's (0 at the start) to <paramref name="Rate"/>.</summary>
    public sealed record RampingInject(double Rate, TimeSpan Interval, TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }

    /// <summary>Each interval, a rate drawn uniformly from [MinRate, MaxRate] (seeded: a run's draws are reproducible).</summary>
    public sealed record InjectRandom(double MinRate, double MaxRate, TimeSpan Interval, TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }

    /// <summary>Injects <paramref name="Rate"/> per <paramref name="Interval"/> until <paramref name="Iterations"/> have started.</summary>
    public sealed record IterationsForInject(double Rate, TimeSpan Interval, int Iterations) : LoadSimulation
    {
        public override TimeSpan? During => Rate <= 0 ? TimeSpan.Zero : Interval * (Iterations / Rate);
    }

    /// <summary>Keeps <paramref name="Copies"/> iterations running back to back.</summary>
    public sealed record KeepConstant(int Copies, TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }

    /// <summary>Ramps the number of copies linearly from the previous phase's (0 at the start) to <paramref name="Copies"/>.</summary>
    public sealed record RampingConstant(int Copies, TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }

    /// <summary><paramref name="Copies"/> copies loop until <paramref name="Iterations"/> iterations have run in all.</summary>
    public sealed record IterationsForConstant(int Copies, int Iterations) : LoadSimulation
    {
        public override TimeSpan? During => null;
    }

    /// <summary>No load for <paramref name="Span"/>.</summary>
    public sealed record Pause(TimeSpan Span) : LoadSimulation
    {
        public override TimeSpan? During => Span;
    }
}

/// <summary>NBomber's factory for load simulations; the parameter names are NBomber's, so named arguments bind.</summary>
public static class Simulation
{
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new LoadSimulation.RampingConstant(copies, during);

    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new LoadSimulation.KeepConstant(copies, during);

    public static LoadSimulation IterationsForConstant(int copies, int iterations) => new LoadSimulation.IterationsForConstant(copies, iterations);

    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) => new LoadSimulation.RampingInject(rate, interval, during);

    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new LoadSimulation.Inject(rate, interval, during);

    public static LoadSimulation InjectRandom(int minRate, int maxRate, TimeSpan interval, TimeSpan during) =>
        new LoadSimulation.InjectRandom(minRate, maxRate, interval, during);

    public static LoadSimulation IterationsForInject(int rate, TimeSpan interval, int iterations) =>
        new LoadSimulation.IterationsForInject(rate, interval, iterations);

    public static LoadSimulation Pause(TimeSpan during) => new LoadSimulation.Pause(during);
}
