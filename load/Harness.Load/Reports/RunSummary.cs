using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Load.Reports;

/// <summary>summary.json: the run's verdict and numbers. Also the baseline format (a saved summary).</summary>
internal sealed record RunSummary
{
    public required string Profile { get; init; }

    public required string Scenario { get; init; }

    /// <summary>"open" or "closed".</summary>
    public required string Model { get; init; }

    /// <summary>The target's scheme, host, port and path only: never user info or query (they may carry secrets).</summary>
    public required string Target { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int Seed { get; init; }

    public required bool Incomplete { get; init; }

    /// <summary>Open model: arrivals per second the plan asked for in the measured window; closed: null.</summary>
    public double? TargetRate { get; init; }

    public required double AchievedRate { get; init; }

    /// <summary>Closed model: the copies the plan ran at its peak.</summary>
    public int? Concurrency { get; init; }

    public required double DurationS { get; init; }

    public required double WarmupS { get; init; }

    public required RequestCounts Requests { get; init; }

    public required long Late { get; init; }

    public required long Dropped { get; init; }

    public required LatencySummary LatenessMs { get; init; }

    public required LatencyPair LatencyMs { get; init; }

    public required IReadOnlyList<StepSummary> Steps { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required SanityCheck Sanity { get; init; }

    public IReadOnlyList<ThresholdSummary> Thresholds { get; init; } = [];

    /// <summary>Why the run stopped early (StopCurrentTest, StopScenario, an aborting threshold, max fail count), else null.</summary>
    public string? StopReason { get; init; }

    public BaselineComparison? Baseline { get; init; }

    /// <summary>A merged test (<c>merge</c>): each agent's share, rate and clock offset against --start-at; null for one machine.</summary>
    public IReadOnlyList<AgentSummary>? Agents { get; init; }

    /// <summary>"pass", "fail" (threshold or baseline), "sanity_failed" or "incomplete".</summary>
    public required string Verdict { get; init; }
}

internal sealed record RequestCounts(long Total, long Ok, long Fail, double ErrorRatePct, IReadOnlyDictionary<string, long> ByStatus);

internal sealed record LatencySummary(double P50, double P75, double P90, double P95, double P99, [property: JsonPropertyName("p99_9")] double P999, double Max, double Mean, long Count);

/// <summary>Corrected: from the intended start (what a user arriving on schedule saw). Service: from the actual start.</summary>
internal sealed record LatencyPair(LatencySummary Corrected, LatencySummary Service);

internal sealed record StepSummary(string Name, long Ok, long Fail, long Bytes, LatencyPair LatencyMs, IReadOnlyDictionary<string, StatusSummary> ByStatus);

internal sealed record StatusSummary(long Count, double P50Ms, double P99Ms);

/// <summary>One agent of a merged test: what it was asked for and achieved, and when it started against --start-at (ms, positive: late).</summary>
internal sealed record AgentSummary(
    int Index,
    double? TargetRate,
    double AchievedRate,
    int? Concurrency,
    long Iterations,
    long Fail,
    long Late,
    long Dropped,
    int Seed,
    DateTimeOffset StartedAt,
    double? StartOffsetMs);

internal sealed record SanityCheck(bool Passed, double? AchievedRatio, string Message);

/// <summary>One threshold or baseline check: what was limited, the limit, what was measured, and the verdict.</summary>
internal sealed record CheckResult(string Name, double Limit, double Actual, bool Passed, string Rule)
{
    public double? Baseline { get; init; }
}

/// <summary>A threshold's outcome: the check as written, on a step or the whole scenario, and how many checks failed.</summary>
internal sealed record ThresholdSummary(string? Step, string Check, int ErrorCount, bool Passed, string? Error);

internal sealed record BaselineComparison(string File, IReadOnlyList<CheckResult> Checks, bool Passed);

/// <summary>The one JSON naming policy: snake_case on disk, API words in code.</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
