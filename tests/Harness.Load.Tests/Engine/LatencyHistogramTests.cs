namespace Harness.Load.Tests.Engine;

public class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [50, 75, 90, 95, 99, 99.9, 100];

    [Fact]
    public void ValueAtPercentile_UniformDistribution_WithinOnePercentOfExact()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 200_000).Select(_ => (long)random.NextInt64(1, 5_000_000)).ToArray();

        AssertAccurate(values);
    }

    [Fact]
    public void ValueAtPercentile_ExponentialDistribution_WithinOnePercentOfExact()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 200_000)
            .Select(_ => (long)(-Math.Log(1 - random.NextDouble()) * 20_000) + 1)
            .ToArray();

        AssertAccurate(values);
    }

    [Fact]
    public void ValueAtPercentile_BimodalDistribution_WithinOnePercentOfExact()
    {
        // 90 % fast around 2 ms, 10 % slow around 800 ms: p90/p95 straddle the gap.
        var random = new Random(3);
        var values = Enumerable.Range(0, 200_000)
            .Select(_ => random.NextDouble() < 0.9 ? random.NextInt64(1_500, 2_500) : random.NextInt64(700_000, 900_000))
            .ToArray();

        AssertAccurate(values);
    }

    [Fact]
    public void Add_TwoHistograms_EqualsOneHistogramOfAllValues()
    {
        var random = new Random(11);
        var left = new LatencyHistogram();
        var right = new LatencyHistogram();
        var all = new LatencyHistogram();
        for (var i = 0; i < 50_000; i++)
        {
            var value = random.NextInt64(1, 10_000_000);
            (i % 3 == 0 ? left : right).Record(value);
            all.Record(value);
        }

        left.Add(right);

        left.Count.Should().Be(all.Count);
        left.Max.Should().Be(all.Max);
        left.Min.Should().Be(all.Min);
        left.Mean.Should().BeApproximately(all.Mean, 1e-6);
        foreach (var p in Percentiles)
            left.ValueAtPercentile(p).Should().Be(all.ValueAtPercentile(p), $"p{p} of the merge");
    }

    [Fact]
    public void Add_DifferentPrecision_Throws()
    {
        var act = () => new LatencyHistogram(7).Add(new LatencyHistogram(5));

        act.Should().Throw<ArgumentException>().WithMessage("*precision*");
    }

    [Fact]
    public async Task Record_FromManyThreads_LosesNoCounts()
    {
        var histogram = new LatencyHistogram();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 1; i <= 100_000; i++)
                histogram.Record(i);
        })));

        histogram.Count.Should().Be(800_000);
        histogram.Max.Should().Be(100_000);
        histogram.Mean.Should().BeApproximately(50_000.5, 0.01);
        histogram.ValueAtPercentile(50).Should().BeCloseTo(50_000, 400);
    }

    [Fact]
    public void ValueAtPercentile_Empty_ReturnsZero()
    {
        new LatencyHistogram().ValueAtPercentile(99).Should().Be(0);
    }

    [Fact]
    public void Record_SmallValues_AreExact()
    {
        var histogram = new LatencyHistogram();
        foreach (var v in new long[] { 3, 5, 7, 9, 11 })
            histogram.Record(v);

        histogram.ValueAtPercentile(50).Should().Be(7);
        histogram.ValueAtPercentile(100).Should().Be(11);
    }

    private static void AssertAccurate(long[] values)
    {
        var histogram = new LatencyHistogram();
        foreach (var v in values)
            histogram.Record(v);
        var sorted = values.Order().ToArray();

        histogram.Count.Should().Be(values.Length);
        histogram.Mean.Should().BeApproximately(values.Average(), 1e-6);
        foreach (var p in Percentiles)
        {
            var exact = sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
            var estimate = histogram.ValueAtPercentile(p);
            Math.Abs(estimate - exact).Should().BeLessThanOrEqualTo((long)Math.Ceiling(exact * 0.01), $"p{p}: exact {exact}, estimate {estimate}");
        }
    }
}
