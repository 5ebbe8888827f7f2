using System.Collections.Concurrent;

namespace Harness.Load.Engine;

/// <summary>Ok or failed measurements of one step (or of whole iterations): latency both ways, count and bytes.</summary>
internal sealed class OutcomeStatistics
{
    private long _bytes;
    private long _minBytes = long.MaxValue;
    private long _maxBytes;

    public LatencyHistogram Corrected { get; } = new();

    public LatencyHistogram Service { get; } = new();

    /// <summary>How many were recorded: the corrected histogram's count (one counter fewer to touch per measurement).</summary>
    public long Count => Corrected.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long MinBytes => Count == 0 ? 0 : Interlocked.Read(ref _minBytes);

    public long MaxBytes => Interlocked.Read(ref _maxBytes);

    public void Record(long bytes, long correctedMicros, long serviceMicros)
    {
        Interlocked.Add(ref _bytes, bytes);
        InterlockedMin(ref _minBytes, bytes);
        InterlockedMax(ref _maxBytes, bytes);
        Corrected.Record(correctedMicros);
        Service.Record(serviceMicros);
    }

    private static void InterlockedMin(ref long target, long value)
    {
        long seen;
        while (value < (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

/// <summary>Latency (µs) and outcome counters for one step, or for whole iterations.</summary>
internal sealed class StepStatistics(string name, int sortIndex)
{
    public string Name { get; } = name;

    public int SortIndex { get; } = sortIndex;

    public OutcomeStatistics OkStats { get; } = new();

    public OutcomeStatistics FailStats { get; } = new();

    private StatusEntry? _lastStatus;

    /// <summary>
    /// From the intended start (coordinated-omission corrected), ok and failed together: merged from
    /// <see cref="OkStats"/> and <see cref="FailStats"/> when read, so a measurement is recorded once, not twice.
    /// </summary>
    public LatencyHistogram Corrected => Merge(OkStats.Corrected, FailStats.Corrected);

    /// <summary>From the actual start, ok and failed together (merged when read, as <see cref="Corrected"/>).</summary>
    public LatencyHistogram Service => Merge(OkStats.Service, FailStats.Service);

    public ConcurrentDictionary<string, StatusStatistics> ByStatus { get; } = new(StringComparer.Ordinal);

    public long Ok => OkStats.Count;

    public long Fail => FailStats.Count;

    public long Bytes => OkStats.Bytes + FailStats.Bytes;

    public void Record(bool ok, string statusCode, string message, long bytes, long correctedMicros, long serviceMicros)
    {
        (ok ? OkStats : FailStats).Record(bytes, correctedMicros, serviceMicros);
        StatusOf(statusCode, ok, message).Record(correctedMicros);
    }

    /// <summary>
    /// The status's statistics: nearly every call asks for the same status as the call before, so the last one is kept
    /// beside the dictionary and found with one string comparison instead of a hash and a lookup.
    /// </summary>
    private StatusStatistics StatusOf(string statusCode, bool ok, string message)
    {
        if (Volatile.Read(ref _lastStatus) is { } last && string.Equals(last.Code, statusCode, StringComparison.Ordinal))
            return last.Statistics;
        var statistics = ByStatus.GetOrAdd(statusCode, static (_, state) => new StatusStatistics(!state.ok, state.message), (ok, message));
        Volatile.Write(ref _lastStatus, new StatusEntry(statusCode, statistics));
        return statistics;
    }

    private static LatencyHistogram Merge(LatencyHistogram ok, LatencyHistogram fail)
    {
        var all = new LatencyHistogram(ok.PrecisionBits);
        all.Add(ok);
        all.Add(fail);
        return all;
    }

    private sealed record StatusEntry(string Code, StatusStatistics Statistics);
}

internal sealed class StatusStatistics(bool isError, string message)
{
    public bool IsError { get; } = isError;

    /// <summary>The first message seen with this status.</summary>
    public string Message { get; } = message;

    public LatencyHistogram Corrected { get; } = new(5);

    public long Count => Corrected.Count;

    public void Record(long correctedMicros) => Corrected.Record(correctedMicros);
}

/// <summary>One bucket of the run's timeline (warm-up and drain included): the series of the reports.</summary>
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

    /// <summary>Coarser than the summary histograms (≤ 1.6 %) to keep a long series small.</summary>
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

/// <summary>Everything a scenario's run measured; the stats and reports are built from this.</summary>
internal sealed class RunStatistics
{
    /// <summary>
    /// The series never holds more buckets than this: a long soak gets wider buckets (2 s, 3 s …) instead of more of
    /// them, so memory stays flat however long the run.
    /// </summary>
    public const int MaxBuckets = 1200;

    private readonly SecondStatistics?[] _buckets;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StepStatistics> _steps = new(StringComparer.Ordinal);
    private StepStatistics? _lastStep;
    private int _stepCount;
    private long _scheduled;
    private long _started;
    private long _late;
    private long _dropped;

    /// <param name="timeline">The planned length; an open-ended plan (IterationsForConstant) passes its estimate.</param>
    public RunStatistics(TimeSpan timeline)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(timeline.TotalSeconds));
        BucketSeconds = Math.Max(1, (int)Math.Ceiling((double)seconds / MaxBuckets));
        _buckets = new SecondStatistics?[Math.Max(1, (int)Math.Ceiling((double)seconds / BucketSeconds))];
    }

    /// <summary>Whole iterations: from the intended start to the end of the scenario's function.</summary>
    public StepStatistics Iterations { get; } = new("iteration", -1);

    /// <summary>The steps in the order they were first seen.</summary>
    public IReadOnlyList<StepStatistics> Steps => _steps.Values.OrderBy(s => s.SortIndex).ToArray();

    /// <summary>How late the generator started iterations (µs), measured-window arrivals only.</summary>
    public LatencyHistogram Lateness { get; } = new();

    public long Scheduled => Interlocked.Read(ref _scheduled);

    public long Started => Interlocked.Read(ref _started);

    public long Late => Interlocked.Read(ref _late);

    public long Dropped => Interlocked.Read(ref _dropped);

    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Seconds per series bucket (1 up to 20 minutes of timeline).</summary>
    public int BucketSeconds { get; }

    public int BucketCount => _buckets.Length;

    /// <summary>The step's statistics; the last one asked for is kept beside the dictionary (one comparison per step).</summary>
    public StepStatistics Step(string name)
    {
        if (Volatile.Read(ref _lastStep) is { } last && string.Equals(last.Name, name, StringComparison.Ordinal))
            return last;
        var step = _steps.TryGetValue(name, out var existing)
            ? existing
            : _steps.GetOrAdd(name, n => new StepStatistics(n, Interlocked.Increment(ref _stepCount)));
        Volatile.Write(ref _lastStep, step);
        return step;
    }

    public void CountScheduled() => Interlocked.Increment(ref _scheduled);

    public void CountStarted() => Interlocked.Increment(ref _started);

    public void CountLate() => Interlocked.Increment(ref _late);

    public void CountDropped() => Interlocked.Increment(ref _dropped);

    public void CountError(string kind) => _errors.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    /// <summary>The bucket holding second <paramref name="second"/>; seconds past the timeline (the drain) fold into the last.</summary>
    public SecondStatistics Second(int second) => Bucket(second / BucketSeconds);

    public SecondStatistics Bucket(int index)
    {
        index = Math.Clamp(index, 0, _buckets.Length - 1);
        var existing = Volatile.Read(ref _buckets[index]);
        if (existing is not null)
            return existing;
        var created = new SecondStatistics();
        return Interlocked.CompareExchange(ref _buckets[index], created, null) ?? created;
    }

    /// <summary>The buckets covering the first <paramref name="seconds"/> seconds, empty ones included.</summary>
    public IReadOnlyList<SecondStatistics> Series(int seconds) =>
        Enumerable.Range(0, Math.Clamp((int)Math.Ceiling((double)seconds / BucketSeconds), 0, _buckets.Length)).Select(Bucket).ToArray();
}
