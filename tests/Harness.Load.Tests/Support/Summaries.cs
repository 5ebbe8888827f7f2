namespace Harness.Load.Tests.Support;

/// <summary>Summaries with chosen numbers, for verdict tests.</summary>
internal static class Summaries
{
    public static RunSummary With(double p95 = 10, double p99 = 20, double achieved = 1000, double errorRatePct = 0, string profile = "ping")
    {
        var latency = new LatencySummary(5, 7, 9, p95, p99, p99 * 1.5, p99 * 2, 6, 10_000);
        return new RunSummary
        {
            Profile = profile,
            Scenario = profile,
            Model = "open",
            Target = "http://127.0.0.1:5080/",
            StartedAt = DateTimeOffset.UnixEpoch,
            Seed = 1,
            Incomplete = false,
            TargetRate = 1000,
            AchievedRate = achieved,
            DurationS = 10,
            WarmupS = 2,
            Requests = new RequestCounts(10_000, 10_000, 0, errorRatePct, new Dictionary<string, long> { ["200"] = 10_000 }),
            Late = 0,
            Dropped = 0,
            LatenessMs = latency,
            LatencyMs = new LatencyPair(latency, latency),
            Steps = [],
            Errors = new Dictionary<string, long>(),
            Sanity = new SanityCheck(true, achieved / 1000, "ok"),
            Verdict = "pass",
        };
    }
}
