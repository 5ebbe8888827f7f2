using Harness.Load.Verdicts;

namespace Harness.Load.Tests.Verdicts;

public class VerdictTests
{
    private static readonly ThresholdLimits Limits = new() { P99Ms = 250, ErrorRatePct = 1, MinAchievedRatio = 0.99 };

    [Fact]
    public void Decide_WithinThresholds_Passes()
    {
        var summary = SummaryBuilder.Decide(Summaries.With(), Results(p99: 249, errorRatePct: 0.5, achieved: 995), null);

        summary.Verdict.Should().Be("pass");
        summary.Thresholds.Should().HaveCount(3).And.OnlyContain(c => c.Passed);
        SummaryBuilder.ExitCode(summary).Should().Be(0);
    }

    [Theory]
    [InlineData(251, 0, 1000, "p99_ms <= 250")]
    [InlineData(10, 1.5, 1000, "error_rate_pct <= 1")]
    [InlineData(10, 0, 980, "min_achieved_ratio >= 0.99")]
    public void Decide_JsonThresholdBroken_FailsNamingTheCheck(double p99, double errorRate, double achieved, string failing)
    {
        var summary = SummaryBuilder.Decide(Summaries.With(), Results(p99, errorRate, achieved), null);

        summary.Verdict.Should().Be("fail");
        summary.Thresholds.Where(c => !c.Passed).Select(c => c.Check).Should().Equal(failing);
        SummaryBuilder.ExitCode(summary).Should().Be(1);
    }

    [Fact]
    public void Decide_SanityFailed_TakesPrecedenceOverThresholds()
    {
        var summary = Summaries.With(p99: 999) with { Sanity = new SanityCheck(false, 0.5, "half") };

        var decided = SummaryBuilder.Decide(summary, Results(p99: 999, errorRatePct: 0, achieved: 500), null);

        decided.Verdict.Should().Be("sanity_failed");
        SummaryBuilder.ExitCode(decided).Should().Be(3);
    }

    [Fact]
    public void Decide_Incomplete_IsIncompleteWithExit130()
    {
        var decided = SummaryBuilder.Decide(Summaries.With() with { Incomplete = true }, Results(10, 0, 1000), null);

        decided.Verdict.Should().Be("incomplete");
        SummaryBuilder.ExitCode(decided).Should().Be(130);
    }

    [Fact]
    public void Decide_StoppedByAFailedThreshold_FailsRatherThanIncomplete()
    {
        var decided = SummaryBuilder.Decide(Summaries.With() with { Incomplete = true }, Results(999, 0, 1000), null);

        decided.Verdict.Should().Be("fail");
    }

    /// <summary>The JSON limits, as Thresholds, checked on final stats with the given corrected p99, error rate and achieved rate (target 1000/s).</summary>
    private static IReadOnlyList<ThresholdResult> Results(double p99, double errorRatePct, double achieved)
    {
        var latency = new LatencyStats(1, 5, p99 * 2, 5, 7, 10, p99, 1, new LatencyCount(1, 0, 0));
        var failPct = errorRatePct;
        MeasurementStats M(double pct) => new(new RequestStats((int)(pct * 100), pct, 0), latency, new DataTransferStats(0, 0, 0, 0), []) { ServiceTime = latency };
        var stats = new ScenarioStats("ping", M(100 - failPct), M(failPct), [], new LoadSimulationStats("inject", 1000), OperationType.Complete,
            10_000, 10_000, 0, 0, TimeSpan.FromSeconds(10))
        {
            TargetRate = 1000,
            AchievedRate = achieved,
        };
        var checker = new ThresholdChecker("ping", Limits.ToThresholds());
        checker.Check(stats, TimeSpan.FromSeconds(10), final: true);
        return checker.Results();
    }

    [Fact]
    public void Compare_WithinTolerances_Passes()
    {
        var tolerances = new BaselineTolerances { P95Pct = 15, AchievedRatePct = -5, ErrorRatePt = 0.5 };

        var result = tolerances.Compare(Summaries.With(p95: 11.4, achieved: 960, errorRatePct: 0.6), Summaries.With(p95: 10, errorRatePct: 0.2), "b.json");

        result.Passed.Should().BeTrue();
        result.Checks.Select(c => c.Name).Should().Equal("p95_pct", "achieved_rate_pct", "error_rate_pt");
    }

    [Theory]
    [InlineData(11.6, 1000, 0, "p95_pct")]
    [InlineData(10, 940, 0, "achieved_rate_pct")]
    [InlineData(10, 1000, 0.8, "error_rate_pt")]
    public void Compare_OutsideATolerance_FailsThatCheck(double p95, double achieved, double errorRate, string failing)
    {
        var tolerances = new BaselineTolerances { P95Pct = 15, AchievedRatePct = -5, ErrorRatePt = 0.5 };

        var result = tolerances.Compare(Summaries.With(p95: p95, achieved: achieved, errorRatePct: errorRate), Summaries.With(p95: 10, errorRatePct: 0.2), "b.json");

        result.Passed.Should().BeFalse();
        result.Checks.Where(c => !c.Passed).Select(c => c.Name).Should().Equal(failing);
    }

    [Fact]
    public void Decide_BaselineFailed_FailsTheRun()
    {
        var comparison = BaselineTolerances.Default.Compare(Summaries.With(p95: 30), Summaries.With(p95: 10), "b.json");

        SummaryBuilder.Decide(Summaries.With(p95: 30), [], comparison).Verdict.Should().Be("fail");
    }

    [Fact]
    public void Compare_DifferentProfile_IsRefused()
    {
        var act = () => BaselineTolerances.Default.Compare(Summaries.With(), Summaries.With(profile: "offers"), "b.json");

        act.Should().Throw<InvalidOperationException>().WithMessage("*offers*ping*");
    }
}
