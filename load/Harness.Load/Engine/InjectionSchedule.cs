namespace Harness.Load.Engine;

/// <summary>
/// The intended start times of an open plan, computed (not slept for): within a phase whose rate goes linearly from
/// λs to λe over D, the number of arrivals by t is n(t) = λs·t + (λe−λs)·t²/(2D); the k-th arrival is at n⁻¹(k).
/// Arrival k of a constant-rate phase therefore lands exactly at k/λ, with no drift however long the run.
/// </summary>
internal sealed class InjectionSchedule
{
    private readonly IReadOnlyList<OpenPhase> _phases;
    private int _phase;
    private double _phaseBase;
    private long _next;

    public InjectionSchedule(LoadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsOpen)
            throw new ArgumentException("an injection schedule needs an open plan", nameof(plan));
        _phases = plan.OpenPhases;
    }

    /// <summary>The offset in seconds from the run's start of the next arrival, or null when the plan has no more.</summary>
    public double? Next()
    {
        while (_phase < _phases.Count)
        {
            var p = _phases[_phase];
            var local = _next - _phaseBase;
            // A tiny tolerance so that a phase of exactly N arrivals (IterationsForInject) yields N, not N−1, after rounding.
            if (local < p.Count - 1e-9)
            {
                _next++;
                return p.Start + p.TimeOf(local);
            }

            _phaseBase += p.Count;
            _phase++;
        }

        return null;
    }
}
