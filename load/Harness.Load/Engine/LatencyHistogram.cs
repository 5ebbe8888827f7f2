using System.Numerics;

namespace Harness.Load.Engine;

/// <summary>
/// HDR-style log-linear histogram of non-negative integer values (microseconds here). Values below 2^P are exact;
/// above, each power of two is split into 2^P linear sub-buckets, so a bucket is at most 1/2^P of its lower bound wide
/// and the midpoint we report is within 1/2^(P+1) of any value in it (P = 7: ≤ 0.4 %). Memory is fixed at construction;
/// recording is lock-free (Interlocked on a long[]), so any number of threads can record into one histogram.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>2^40 µs ≈ 12.7 days; larger values are clamped into the top bucket (and still counted in max).</summary>
    private const int MaxMagnitude = 40;

    private readonly int _precisionBits;
    private readonly long[] _counts;
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;

    public LatencyHistogram(int precisionBits = 7)
    {
        if (precisionBits is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(precisionBits), precisionBits, "precision bits must be 1..12");
        _precisionBits = precisionBits;
        _counts = new long[(MaxMagnitude - precisionBits + 2) << precisionBits];
    }

    public long Count => Interlocked.Read(ref _count);

    public long Max => Interlocked.Read(ref _max);

    public long Min => Count == 0 ? 0 : Interlocked.Read(ref _min);

    public double Mean => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    public void Record(long value)
    {
        if (value < 0)
            value = 0;
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        UpdateMax(value);
        UpdateMin(value);
    }

    /// <summary>Adds every count of <paramref name="other"/> (same precision) into this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other._precisionBits != _precisionBits)
            throw new ArgumentException($"cannot merge precision {other._precisionBits} into {_precisionBits}", nameof(other));
        if (other.Count == 0)
            return;
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Read(ref other._counts[i]);
            if (c != 0)
                Interlocked.Add(ref _counts[i], c);
        }

        Interlocked.Add(ref _count, other.Count);
        Interlocked.Add(ref _sum, Interlocked.Read(ref other._sum));
        UpdateMax(other.Max);
        UpdateMin(other.Min);
    }

    public int PrecisionBits => _precisionBits;

    /// <summary>
    /// Every bucket with a count, and the exact count, sum, min and max: lossless (<see cref="FromSnapshot"/> gives back
    /// a histogram with the same buckets, so merged agents' percentiles are those of one histogram of all their values).
    /// Taken while values are still being recorded (a live snapshot), the count is that of the buckets read, so the
    /// snapshot is always consistent; the sum, min and max may already include a value recorded meanwhile.
    /// </summary>
    public HistogramSnapshot Snapshot()
    {
        var buckets = new List<long[]>();
        long total = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            var c = Interlocked.Read(ref _counts[i]);
            if (c != 0)
            {
                buckets.Add([i, c]);
                total += c;
            }
        }

        return new HistogramSnapshot(_precisionBits, total, Interlocked.Read(ref _sum), total == 0 ? 0 : Min, Max, buckets);
    }

    /// <summary>The histogram a <see cref="Snapshot"/> was taken of; an error naming what is inconsistent otherwise.</summary>
    public static LatencyHistogram FromSnapshot(HistogramSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var h = new LatencyHistogram(snapshot.PrecisionBits);
        long total = 0;
        foreach (var bucket in snapshot.Buckets)
        {
            if (bucket is not [var index, var count] || index < 0 || index >= h._counts.Length || count < 0)
                throw new InvalidDataException($"histogram bucket [{string.Join(", ", bucket ?? [])}] is not [index 0..{h._counts.Length - 1}, count ≥ 0]");
            h._counts[index] += count;
            total += count;
        }

        if (total != snapshot.Count)
            throw new InvalidDataException($"histogram buckets hold {total} values but its count is {snapshot.Count}");
        h._count = snapshot.Count;
        h._sum = snapshot.Sum;
        if (snapshot.Count > 0)
        {
            h._min = snapshot.Min;
            h._max = snapshot.Max;
        }

        return h;
    }

    /// <summary>
    /// The nearest-rank percentile (the value at rank ceil(p/100 · count)), as the midpoint of its bucket clamped to
    /// the recorded min and max. Returns 0 for an empty histogram.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (percentile is < 0 or > 100 || double.IsNaN(percentile))
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "percentile must be 0..100");
        var count = Count;
        if (count == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
                return Math.Clamp(MidpointOf(i), Min, Max);
        }

        return Max;
    }

    /// <summary>How many recorded values fall at or below <paramref name="value"/> (to bucket precision).</summary>
    public long CountAtOrBelow(long value)
    {
        if (value < 0)
            return 0;
        var last = IndexOf(value);
        long seen = 0;
        for (var i = 0; i <= last && i < _counts.Length; i++)
            seen += Interlocked.Read(ref _counts[i]);
        return seen;
    }

    /// <summary>The standard deviation, from the bucket midpoints.</summary>
    public double StdDev
    {
        get
        {
            var count = Count;
            if (count < 2)
                return 0;
            var mean = Mean;
            double sum = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                var c = Interlocked.Read(ref _counts[i]);
                if (c == 0)
                    continue;
                var d = MidpointOf(i) - mean;
                sum += c * d * d;
            }

            return Math.Sqrt(sum / count);
        }
    }

    internal int IndexOf(long value)
    {
        var subBuckets = 1L << _precisionBits;
        if (value < subBuckets)
            return (int)value;
        var magnitude = 63 - BitOperations.LeadingZeroCount((ulong)value);
        if (magnitude > MaxMagnitude)
            return _counts.Length - 1;
        var shift = magnitude - _precisionBits;
        var sub = (value >> shift) - subBuckets;
        return (int)(((shift + 1) << _precisionBits) + sub);
    }

    private long MidpointOf(int index)
    {
        var subBuckets = 1 << _precisionBits;
        if (index < subBuckets)
            return index;
        var shift = (index >> _precisionBits) - 1;
        var sub = index & (subBuckets - 1);
        var lower = (long)(subBuckets + sub) << shift;
        return lower + ((1L << shift) >> 1);
    }

    private void UpdateMax(long value)
    {
        var current = Interlocked.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }

    private void UpdateMin(long value)
    {
        var current = Interlocked.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}

/// <summary>A <see cref="LatencyHistogram"/> on disk: precision, exact totals and the non-empty buckets as [index, count].</summary>
internal sealed record HistogramSnapshot(int PrecisionBits, long Count, long Sum, long Min, long Max, IReadOnlyList<long[]> Buckets);
