namespace Harness.Load.Engine;

/// <summary>
/// A validated load shape: the phases in order, and the warm-up prefix whose iterations are run but kept out of the
/// summary statistics (they still appear in the per-second series).
/// </summary>
internal sealed class LoadPlan
{
    public LoadPlan(IReadOnlyList<LoadSimulation> simulations, TimeSpan warmUp)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Count == 0)
            throw new ArgumentException("a load plan needs at least one load simulation", nameof(simulations));
        if (simulations.Any(s => s.IsOpen) && simulations.Any(s => !s.IsOpen))
            throw new ArgumentException(
                "a scenario is either open (Inject, RampingInject) or closed (KeepConstant, RampingConstant), not both",
                nameof(simulations));
        foreach (var s in simulations)
            Validate(s);
        Simulations = simulations;
        Duration = TimeSpan.FromTicks(simulations.Sum(s => s.During.Ticks));
        if (warmUp < TimeSpan.Zero || warmUp >= Duration)
            throw new ArgumentOutOfRangeException(nameof(warmUp), warmUp, $"warm-up must be ≥ 0 and shorter than the run ({Duration})");
        WarmUp = warmUp;
    }

    public IReadOnlyList<LoadSimulation> Simulations { get; }

    public TimeSpan WarmUp { get; }

    public TimeSpan Duration { get; }

    public bool IsOpen => Simulations[0].IsOpen;

    public string Model => IsOpen ? "open" : "closed";

    /// <summary>The largest number of copies any closed phase asks for.</summary>
    public int MaxCopies => Simulations.Max(s => s switch
    {
        LoadSimulation.KeepConstant k => k.Copies,
        LoadSimulation.RampingConstant r => r.Copies,
        _ => 0,
    });

    /// <summary>The injection rate (per second) the plan asks for at <paramref name="at"/>; 0 for a closed plan.</summary>
    public double RateAt(TimeSpan at) => ValueAt(at, s => s switch
    {
        LoadSimulation.Inject i => i.Rate / i.Interval.TotalSeconds,
        LoadSimulation.RampingInject r => r.Rate / r.Interval.TotalSeconds,
        _ => 0,
    }, s => s is LoadSimulation.RampingInject);

    /// <summary>The number of copies the plan asks for at <paramref name="at"/>; 0 for an open plan.</summary>
    public int CopiesAt(TimeSpan at) => (int)Math.Round(ValueAt(at, s => s switch
    {
        LoadSimulation.KeepConstant k => k.Copies,
        LoadSimulation.RampingConstant r => r.Copies,
        _ => 0,
    }, s => s is LoadSimulation.RampingConstant));

    private double ValueAt(TimeSpan at, Func<LoadSimulation, double> target, Func<LoadSimulation, bool> ramps)
    {
        var previous = 0.0;
        var start = TimeSpan.Zero;
        foreach (var s in Simulations)
        {
            var value = target(s);
            if (at < start + s.During)
            {
                if (!ramps(s))
                    return value;
                var fraction = (at - start) / s.During;
                return previous + ((value - previous) * fraction);
            }

            previous = value;
            start += s.During;
        }

        return 0;
    }

    private static void Validate(LoadSimulation s)
    {
        if (s.During <= TimeSpan.Zero)
            throw new ArgumentException($"{s.GetType().Name}: during must be positive, got {s.During}");
        switch (s)
        {
            case LoadSimulation.Inject { Rate: < 0 or double.NaN } or LoadSimulation.RampingInject { Rate: < 0 or double.NaN }:
                throw new ArgumentException($"{s.GetType().Name}: rate must be ≥ 0");
            case LoadSimulation.Inject { Interval.Ticks: <= 0 } or LoadSimulation.RampingInject { Interval.Ticks: <= 0 }:
                throw new ArgumentException($"{s.GetType().Name}: interval must be positive");
            case LoadSimulation.KeepConstant { Copies: < 0 } or LoadSimulation.RampingConstant { Copies: < 0 }:
                throw new ArgumentException($"{s.GetType().Name}: copies must be ≥ 0");
        }
    }
}
