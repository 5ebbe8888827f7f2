namespace Harness.Load.Engine;

/// <summary>An open-model phase: the rate goes linearly from StartRate to EndRate (per second) over Seconds.</summary>
internal readonly record struct OpenPhase(double Start, double Seconds, double StartRate, double EndRate)
{
    public double Count => (StartRate + EndRate) / 2 * Seconds;

    /// <summary>The offset within the phase of its k-th arrival (k from 0): n⁻¹(k) with n(t) = λs·t + (λe−λs)·t²/2D.</summary>
    public double TimeOf(double k)
    {
        var acceleration = Seconds <= 0 ? 0 : (EndRate - StartRate) / Seconds;
        // The stable root of (a/2)t² + λs·t − k = 0, fine for a > 0, a < 0 and a → 0.
        var denominator = StartRate + Math.Sqrt(Math.Max(0, (StartRate * StartRate) + (2 * acceleration * k)));
        return denominator <= 0 ? 0 : Math.Min(Seconds, 2 * k / denominator);
    }

    public double RateAt(double local) => Seconds <= 0 ? EndRate : StartRate + ((EndRate - StartRate) * local / Seconds);
}

/// <summary>A closed-model phase: copies go linearly from StartCopies to EndCopies over Seconds, or loop until Iterations are done.</summary>
internal readonly record struct ClosedPhase(double Seconds, int StartCopies, int EndCopies, int? Iterations)
{
    /// <summary>Copies wanted at <paramref name="local"/> seconds into the phase.</summary>
    public int CopiesAt(double local) =>
        Iterations is not null || Seconds <= 0 || StartCopies == EndCopies
            ? EndCopies
            : (int)Math.Round(StartCopies + ((EndCopies - StartCopies) * Math.Clamp(local / Seconds, 0, 1)));
}

/// <summary>
/// A validated load shape: the phases in order (warm-up first), and the warm-up prefix whose iterations run but stay out
/// of the statistics. Everything here is a pure function of time, so the schedule is tested without a clock.
/// </summary>
internal sealed class LoadPlan
{
    public LoadPlan(IReadOnlyList<LoadSimulation> simulations, TimeSpan warmUp, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Count == 0)
            throw new ArgumentException("a load plan needs at least one load simulation", nameof(simulations));
        if (simulations.Any(s => s.IsOpen) && simulations.Any(s => s.IsClosed))
            throw new ArgumentException(
                "a scenario is either open (Inject, RampingInject, InjectRandom, IterationsForInject) or closed (KeepConstant, RampingConstant, IterationsForConstant), not both",
                nameof(simulations));
        if (simulations.All(s => s is LoadSimulation.Pause))
            throw new ArgumentException("a load plan of pauses only runs nothing: add a load simulation", nameof(simulations));
        foreach (var s in simulations)
            Validate(s);
        Simulations = simulations;
        IsOpen = simulations.Any(s => s.IsOpen);
        if (simulations.Any(s => s.During is null))
            Duration = null;
        else
            Duration = TimeSpan.FromTicks(simulations.Sum(s => s.During!.Value.Ticks));
        if (warmUp < TimeSpan.Zero || (Duration is { } d && warmUp >= d))
            throw new ArgumentOutOfRangeException(nameof(warmUp), warmUp, $"warm-up must be ≥ 0 and shorter than the run ({Duration})");
        WarmUp = warmUp;
        if (IsOpen)
            OpenPhases = BuildOpen(simulations, seed);
        else
            ClosedPhases = BuildClosed(simulations);
    }

    public IReadOnlyList<LoadSimulation> Simulations { get; }

    public TimeSpan WarmUp { get; }

    /// <summary>The planned length; null when an IterationsForConstant phase lasts until its count is done.</summary>
    public TimeSpan? Duration { get; }

    public bool IsOpen { get; }

    public string Model => IsOpen ? "open" : "closed";

    public IReadOnlyList<OpenPhase> OpenPhases { get; } = [];

    public IReadOnlyList<ClosedPhase> ClosedPhases { get; } = [];

    /// <summary>The largest number of copies any closed phase asks for.</summary>
    public int MaxCopies => ClosedPhases.Count == 0 ? 0 : ClosedPhases.Max(p => Math.Max(p.StartCopies, p.EndCopies));

    /// <summary>The injection rate (per second) the plan asks for at <paramref name="at"/>; 0 for a closed plan.</summary>
    public double RateAt(TimeSpan at)
    {
        var t = at.TotalSeconds;
        foreach (var p in OpenPhases)
        {
            if (t < p.Start + p.Seconds)
                return t < p.Start ? 0 : p.RateAt(t - p.Start);
        }

        return 0;
    }

    /// <summary>Copies asked for at <paramref name="at"/> in a plan of time-based closed phases; 0 for an open plan.</summary>
    public int CopiesAt(TimeSpan at)
    {
        var start = 0.0;
        foreach (var p in ClosedPhases)
        {
            if (p.Iterations is not null)
                return p.EndCopies;
            if (at.TotalSeconds < start + p.Seconds)
                return p.CopiesAt(at.TotalSeconds - start);
            start += p.Seconds;
        }

        return 0;
    }

    private static List<OpenPhase> BuildOpen(IReadOnlyList<LoadSimulation> simulations, int seed)
    {
        var phases = new List<OpenPhase>();
        var random = new Random(seed);
        var previous = 0.0;
        var start = 0.0;
        foreach (var s in simulations)
        {
            switch (s)
            {
                case LoadSimulation.Inject i:
                    Add(i.Span.TotalSeconds, PerSecond(i.Rate, i.Interval), PerSecond(i.Rate, i.Interval));
                    break;
                case LoadSimulation.RampingInject r:
                    Add(r.Span.TotalSeconds, previous, PerSecond(r.Rate, r.Interval));
                    break;
                case LoadSimulation.IterationsForInject f:
                    Add(f.During!.Value.TotalSeconds, PerSecond(f.Rate, f.Interval), PerSecond(f.Rate, f.Interval));
                    break;
                case LoadSimulation.InjectRandom x:
                    // One constant-rate step per interval, its rate drawn from the plan's seed: reproducible.
                    var left = x.Span.TotalSeconds;
                    while (left > 1e-9)
                    {
                        var step = Math.Min(left, x.Interval.TotalSeconds);
                        var rate = PerSecond(x.MinRate + (random.NextDouble() * (x.MaxRate - x.MinRate)), x.Interval);
                        Add(step, rate, rate);
                        left -= step;
                    }

                    break;
                case LoadSimulation.Pause p:
                    Add(p.Span.TotalSeconds, 0, 0);
                    break;
            }
        }

        return phases;

        void Add(double seconds, double startRate, double endRate)
        {
            phases.Add(new OpenPhase(start, seconds, startRate, endRate));
            previous = endRate;
            start += seconds;
        }
    }

    private static List<ClosedPhase> BuildClosed(IReadOnlyList<LoadSimulation> simulations)
    {
        var phases = new List<ClosedPhase>();
        var previous = 0;
        foreach (var s in simulations)
        {
            var phase = s switch
            {
                LoadSimulation.KeepConstant k => new ClosedPhase(k.Span.TotalSeconds, k.Copies, k.Copies, null),
                LoadSimulation.RampingConstant r => new ClosedPhase(r.Span.TotalSeconds, previous, r.Copies, null),
                LoadSimulation.IterationsForConstant i => new ClosedPhase(0, i.Copies, i.Copies, i.Iterations),
                LoadSimulation.Pause p => new ClosedPhase(p.Span.TotalSeconds, 0, 0, null),
                _ => throw new ArgumentException($"{s.GetType().Name} is not a closed-model simulation"),
            };
            phases.Add(phase);
            previous = phase.EndCopies;
        }

        return phases;
    }

    private static double PerSecond(double rate, TimeSpan interval) => rate / interval.TotalSeconds;

    private static void Validate(LoadSimulation s)
    {
        var name = s.GetType().Name;
        if (s.During is { } during && (during < TimeSpan.Zero || (during == TimeSpan.Zero && s is not LoadSimulation.IterationsForInject)))
            throw new ArgumentException($"{name}: during must be positive, got {during}");
        switch (s)
        {
            case LoadSimulation.Inject { Rate: < 0 or double.NaN } or LoadSimulation.RampingInject { Rate: < 0 or double.NaN }
                or LoadSimulation.IterationsForInject { Rate: <= 0 or double.NaN }:
                throw new ArgumentException($"{name}: rate must be ≥ 0 (> 0 for IterationsForInject)");
            case LoadSimulation.InjectRandom r when r.MinRate < 0 || r.MaxRate < r.MinRate:
                throw new ArgumentException($"{name}: need 0 ≤ minRate ≤ maxRate, got {r.MinRate}..{r.MaxRate}");
            case LoadSimulation.Inject { Interval.Ticks: <= 0 } or LoadSimulation.RampingInject { Interval.Ticks: <= 0 }
                or LoadSimulation.InjectRandom { Interval.Ticks: <= 0 } or LoadSimulation.IterationsForInject { Interval.Ticks: <= 0 }:
                throw new ArgumentException($"{name}: interval must be positive");
            case LoadSimulation.KeepConstant { Copies: < 0 } or LoadSimulation.RampingConstant { Copies: < 0 }
                or LoadSimulation.IterationsForConstant { Copies: < 1 }:
                throw new ArgumentException($"{name}: copies must be ≥ 0 (≥ 1 for IterationsForConstant)");
            case LoadSimulation.IterationsForConstant { Iterations: < 1 } or LoadSimulation.IterationsForInject { Iterations: < 1 }:
                throw new ArgumentException($"{name}: iterations must be ≥ 1");
        }
    }
}
