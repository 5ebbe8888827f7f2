using System.Collections.Concurrent;

namespace Harness.Load.Engine;

/// <summary>Latency (µs) and outcome counters for one step, or for whole iterations.</summary>
internal sealed class StepStatistics(string name)
{
    private long _ok;
    private long _fail;
    private long _bytes;

    public string Name { get; } = name;

    /// <summary>From the intended start (coordinated-omission corrected).</summary>
    public LatencyHistogram Corrected { get; } = new();

    /// <summary>From the actual start.</summary>
    public LatencyHistogram Service { get; } = new();

    public ConcurrentDictionary<int, StatusStatistics> ByStatus { get; } = new();

    public long Ok => Interlocked.Read(ref _ok);

    public long Fail => Interlocked.Read(ref _fail);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Record(StepResult result, long correctedMicros, long serviceMicros)
    {
        if (result.IsOk)
            Interlocked.Increment(ref _ok);
        else
            Interlocked.Increment(ref _fail);
        Interlocked.Add(ref _bytes, result.SizeBytes);
        Corrected.Record(correctedMicros);
        Service.Record(serviceMicros);
        ByStatus.GetOrAdd(result.StatusCode, static _ => new StatusStatistics()).Record(correctedMicros);
    }
}

internal sealed class StatusStatistics
{
    public LatencyHistogram Corrected { get; } = new();

    public long Count => Corrected.Count;

    public void Record(long correctedMicros) => Corrected.Record(correctedMicros);
}

/// <summary>One second of the run's timeline (warm-up and drain included): the per-second series of the reports.</summary>
internal sealed class SecondStatistics
{
    private long _started;
    private long _completed;
    private long _ok;
    private long _fail;

    public long Started => Interlocked.Read(ref _started);

    public long Completed => Interlocked.Read(ref _completed);

    public long Ok => Interlocked.Read(ref _ok);

    public long Fail => Interlocked.Read(ref _fail);

    /// <summary>Coarser than the summary histograms (≤ 1.6 %) to keep a 10-minute series small.</summary>
    public LatencyHistogram Corrected { get; } = new(5);

    public LatencyHistogram Service { get; } = new(5);

    public void RecordStart() => Interlocked.Increment(ref _started);

    public void RecordCompletion(bool ok, long correctedMicros, long serviceMicros)
    {
        Interlocked.Increment(ref _completed);
        if (ok)
            Interlocked.Increment(ref _ok);
        else
            Interlocked.Increment(ref _fail);
        Corrected.Record(correctedMicros);
        Service.Record(serviceMicros);
    }
}

/// <summary>Everything a run measured; the reports are built from this.</summary>
internal sealed class RunStatistics
{
    private readonly SecondStatistics?[] _seconds;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _scheduled;
    private long _started;
    private long _late;
    private long _dropped;

    public RunStatistics(IEnumerable<string> stepNames, TimeSpan timeline)
    {
        Steps = stepNames.Select(n => new StepStatistics(n)).ToArray();
        _seconds = new SecondStatistics?[Math.Max(1, (int)Math.Ceiling(timeline.TotalSeconds))];
    }

    /// <summary>Whole iterations: from the intended start of the first step to the end of the last.</summary>
    public StepStatistics Iterations { get; } = new("iteration");

    public IReadOnlyList<StepStatistics> Steps { get; }

    /// <summary>How late the generator started iterations (µs), measured-window arrivals only.</summary>
    public LatencyHistogram Lateness { get; } = new();

    public long Scheduled => Interlocked.Read(ref _scheduled);

    public long Started => Interlocked.Read(ref _started);

    public long Late => Interlocked.Read(ref _late);

    public long Dropped => Interlocked.Read(ref _dropped);

    public IReadOnlyDictionary<string, long> Errors => _errors;

    public int SecondCount => _seconds.Length;

    public void CountScheduled() => Interlocked.Increment(ref _scheduled);

    public void CountStarted() => Interlocked.Increment(ref _started);

    public void CountLate() => Interlocked.Increment(ref _late);

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public void CountError(string kind) => _errors.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    /// <summary>The stats of second <paramref name="index"/>; seconds past the timeline (the drain) fold into the last.</summary>
    public SecondStatistics Second(int index)
    {
        index = Math.Clamp(index, 0, _seconds.Length - 1);
        var existing = Volatile.Read(ref _seconds[index]);
        if (existing is not null)
            return existing;
        var created = new SecondStatistics();
        return Interlocked.CompareExchange(ref _seconds[index], created, null) ?? created;
    }

    /// <summary>The series up to <paramref name="count"/> seconds, empty seconds included.</summary>
    public IReadOnlyList<SecondStatistics> Series(int count) =>
        Enumerable.Range(0, Math.Clamp(count, 0, _seconds.Length)).Select(Second).ToArray();
}
