namespace Harness.Load.Engine;

/// <summary>
/// The intended start times of an open plan, computed (not slept for): within a phase whose rate goes linearly from
/// λs to λe over D, the number of arrivals by t is n(t) = λs·t + (λe−λs)·t²/(2D); the k-th arrival is at n⁻¹(k).
/// Arrival k of a constant-rate phase therefore lands exactly at k/λ, with no drift however long the run.
/// </summary>
internal sealed class InjectionSchedule
{
    private readonly List<Phase> _phases = [];
    private int _phase;
    private double _phaseBase;
    private long _next;

    public InjectionSchedule(LoadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsOpen)
            throw new ArgumentException("an injection schedule needs an open plan", nameof(plan));
        var previousRate = 0.0;
        var start = 0.0;
        foreach (var s in plan.Simulations)
        {
            var seconds = s.During.TotalSeconds;
            var (startRate, endRate) = s switch
            {
                LoadSimulation.Inject i => (i.Rate / i.Interval.TotalSeconds, i.Rate / i.Interval.TotalSeconds),
                LoadSimulation.RampingInject r => (previousRate, r.Rate / r.Interval.TotalSeconds),
                _ => throw new ArgumentException($"{s.GetType().Name} is not an open-model simulation", nameof(plan)),
            };
            _phases.Add(new Phase(start, seconds, startRate, endRate));
            previousRate = endRate;
            start += seconds;
        }
    }

    /// <summary>
    /// The offset in seconds from the run's start of the next arrival, or null when the plan has no more.
    /// </summary>
    public double? Next()
    {
        while (_phase < _phases.Count)
        {
            var p = _phases[_phase];
            var local = _next - _phaseBase;
            if (local < p.Count)
            {
                _next++;
                return p.Start + p.TimeOf(local);
            }

            _phaseBase += p.Count;
            _phase++;
        }

        return null;
    }

    private readonly record struct Phase(double Start, double Seconds, double StartRate, double EndRate)
    {
        public double Count => (StartRate + EndRate) / 2 * Seconds;

        public double TimeOf(double k)
        {
            var acceleration = (EndRate - StartRate) / Seconds;
            // The stable root of (a/2)t² + λs·t − k = 0, fine for a > 0, a < 0 and a → 0.
            var denominator = StartRate + Math.Sqrt(Math.Max(0, (StartRate * StartRate) + (2 * acceleration * k)));
            return denominator <= 0 ? 0 : Math.Min(Seconds, 2 * k / denominator);
        }
    }
}
