namespace Harness.Load.Engine;

/// <summary>
/// Evaluates a scenario's thresholds on a stats snapshot. Pure bookkeeping (no clock of its own): the caller passes the
/// elapsed time, so startCheckAfter and abortWhenErrorCount are tested on any timeline.
/// </summary>
internal sealed class ThresholdChecker(string scenarioName, IReadOnlyList<Threshold> thresholds)
{
    private readonly int[] _errors = new int[thresholds.Count];
    private readonly string?[] _exceptions = new string?[thresholds.Count];
    private readonly object _gate = new();

    public IReadOnlyList<Threshold> Thresholds { get; } = thresholds;

    /// <summary>
    /// Checks every threshold due at <paramref name="elapsed"/> (all of them when <paramref name="final"/>) and returns
    /// the reason to abort the test when one has failed abortWhenErrorCount times, else null.
    /// </summary>
    public string? Check(ScenarioStats stats, TimeSpan elapsed, bool final)
    {
        ArgumentNullException.ThrowIfNull(stats);
        lock (_gate)
        {
            string? abort = null;
            for (var i = 0; i < Thresholds.Count; i++)
            {
                var t = Thresholds[i];
                if (!final && t.StartCheckAfter is { } after && elapsed < after)
                    continue;
                bool passed;
                try
                {
                    passed = t.CheckScenario is { } scenario
                        ? scenario(stats)
                        : t.CheckStep!(stats.StepStats.Find(t.StepName!) ?? throw new KeyNotFoundException($"Step: '{t.StepName}' is not found."));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    passed = false;
                    _exceptions[i] = $"{ex.GetType().Name}: {ex.Message}";
                }

                if (passed)
                    continue;
                _errors[i]++;
                if (!final && t.AbortWhenErrorCount is { } limit && _errors[i] >= limit)
                    abort ??= $"threshold '{t.CheckExpression}' of scenario '{scenarioName}' failed {_errors[i]} time(s) (abortWhenErrorCount: {limit})";
            }

            return abort;
        }
    }

    public ThresholdResult[] Results()
    {
        lock (_gate)
        {
            return Thresholds.Select((t, i) => new ThresholdResult(scenarioName, t.StepName, t.CheckExpression, _errors[i], _errors[i] > 0, _exceptions[i])).ToArray();
        }
    }
}
