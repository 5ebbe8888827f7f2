using System.Reflection;
using System.Text.Json;
using Harness.Load.Reports;

namespace Harness.Load.Engine;

/// <summary>
/// <c>agent.json</c>: one agent's lossless output for <c>merge</c> — who it was (scenario, version, agent index/count,
/// --start-at, actual start) and every histogram it measured (corrected and service latency per step, per outcome and
/// per status, and per reporting bucket of the series) in the engine's own histogram format, bucket for bucket.
/// </summary>
internal sealed record AgentOutput
{
    public const string FileName = "agent.json";

    /// <summary>Bumped when the layout changes; merge refuses other formats (2: target, incomplete, stop reason, copies, the series' target rate).</summary>
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;

    public required string Scenario { get; init; }

    /// <summary>The Harness.Load version that wrote it; merge refuses mixed versions.</summary>
    public required string Version { get; init; }

    public required int AgentIndex { get; init; }

    public required int AgentCount { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public required DateTimeOffset ActualStart { get; init; }

    public required int Seed { get; init; }

    /// <summary>The target's scheme, host, port and path (never user info or query), or "(none)".</summary>
    public string Target { get; init; } = "(none)";

    /// <summary>The agent was stopped before the end of its plan (Ctrl-C, an aborting threshold).</summary>
    public bool Incomplete { get; init; }

    public string? StopReason { get; init; }

    public required string Model { get; init; }

    public double? TargetRate { get; init; }

    /// <summary>Closed model: the copies the plan ran at its peak; open: null.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The load simulation at the end of the measured window (NBomber's LoadSimulationStats).</summary>
    public LoadSimulationStats Simulation { get; init; } = new("inject", 0);

    public required double AchievedRate { get; init; }

    public required double DurationS { get; init; }

    public required double WarmupS { get; init; }

    public required long Scheduled { get; init; }

    public required long Started { get; init; }

    public required long Late { get; init; }

    public required long Dropped { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required HistogramSnapshot Lateness { get; init; }

    public required StepOutput Iterations { get; init; }

    public required IReadOnlyList<StepOutput> Steps { get; init; }

    public required int BucketSeconds { get; init; }

    public required IReadOnlyList<BucketOutput> Series { get; init; }

    /// <summary>The agent's clock offset against --start-at (positive: it started late); null without --start-at.</summary>
    public double? StartOffsetMs => StartAt is { } at ? (ActualStart - at).TotalMilliseconds : null;

    public static string LibraryVersion { get; } =
        typeof(AgentOutput).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AgentOutput).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>What one agent (or a single-machine run: agent 0 of 1) measured; the reports are built from this, merged or not.</summary>
    public static AgentOutput From(RunOutcome outcome, AgentShard shard, DateTimeOffset? startAt, Uri? target = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(shard);
        var stats = outcome.Statistics;
        var plan = outcome.Plan;
        var width = stats.BucketSeconds;
        return new AgentOutput
        {
            Scenario = outcome.Scenario.Name,
            Version = LibraryVersion,
            AgentIndex = shard.AgentIndex,
            AgentCount = shard.AgentCount,
            StartAt = startAt,
            ActualStart = outcome.StartedAt,
            Seed = outcome.Seed,
            Target = target is null ? "(none)" : SummaryBuilder.Redact(target),
            Incomplete = outcome.Incomplete,
            StopReason = outcome.Scenario.StopReason ?? outcome.Scenario.Run.StopReason,
            Model = plan.Model,
            TargetRate = plan.IsOpen ? outcome.TargetRate : null,
            Concurrency = plan.IsOpen ? null : plan.MaxCopies,
            Simulation = plan.IsOpen
                ? new LoadSimulationStats("inject", Math.Round(plan.RateAt(outcome.MeasuredDuration), 1))
                : new LoadSimulationStats("keep_constant", plan.CopiesAt(outcome.MeasuredDuration)),
            AchievedRate = outcome.AchievedRate,
            DurationS = outcome.MeasuredDuration.TotalSeconds,
            WarmupS = outcome.Plan.WarmUp.TotalSeconds,
            Scheduled = stats.Scheduled,
            Started = stats.Started,
            Late = stats.Late,
            Dropped = stats.Dropped,
            Errors = new SortedDictionary<string, long>(stats.Errors.ToDictionary(), StringComparer.Ordinal),
            Lateness = stats.Lateness.Snapshot(),
            Iterations = StepOutput.From(stats.Iterations),
            Steps = stats.Steps.Select(StepOutput.From).ToArray(),
            BucketSeconds = stats.BucketSeconds,
            Series = stats.Series(outcome.SeriesSeconds).Select((b, i) => new BucketOutput(
                i * width, b.Started, b.Completed, b.Ok, b.Fail, b.Corrected.Snapshot(), b.Service.Snapshot())
            {
                TargetRate = plan.IsOpen ? Math.Round(plan.RateAt(TimeSpan.FromSeconds((i * width) + (width / 2.0))), 1) : 0,
            }).ToArray(),
        };
    }

    public static string ToJson(AgentOutput output) => JsonSerializer.Serialize(output, ReportJson.Options) + "\n";

    public static AgentOutput Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} not found: an agent's folder holds the {FileName} that `run … --agents N` writes", path);
        try
        {
            return JsonSerializer.Deserialize<AgentOutput>(File.ReadAllText(path), ReportJson.Options)
                ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not an agent output: {ex.Message}", ex);
        }
    }
}

/// <summary>One step's (or whole iterations') histograms: ok and failed, corrected and service, and per status code.</summary>
internal sealed record StepOutput(
    string Name,
    OutcomeOutput Ok,
    OutcomeOutput Fail,
    HistogramSnapshot Corrected,
    HistogramSnapshot Service,
    IReadOnlyDictionary<string, StatusOutput> ByStatus)
{
    public static StepOutput From(StepStatistics step) => new(
        step.Name,
        OutcomeOutput.From(step.OkStats),
        OutcomeOutput.From(step.FailStats),
        step.Corrected.Snapshot(),
        step.Service.Snapshot(),
        new SortedDictionary<string, StatusOutput>(
            step.ByStatus.ToDictionary(kv => kv.Key, kv => new StatusOutput(kv.Value.IsError, kv.Value.Message, kv.Value.Corrected.Snapshot())),
            StringComparer.Ordinal));
}

internal sealed record OutcomeOutput(long Count, long Bytes, long MinBytes, long MaxBytes, HistogramSnapshot Corrected, HistogramSnapshot Service)
{
    public static OutcomeOutput From(OutcomeStatistics o) => new(o.Count, o.Bytes, o.MinBytes, o.MaxBytes, o.Corrected.Snapshot(), o.Service.Snapshot());
}

internal sealed record StatusOutput(bool IsError, string Message, HistogramSnapshot Corrected);

/// <summary>One reporting bucket of the series (<see cref="AgentOutput.BucketSeconds"/> wide, from the agent's start).</summary>
internal sealed record BucketOutput(int Second, long Started, long Completed, long Ok, long Fail, HistogramSnapshot Corrected, HistogramSnapshot Service)
{
    /// <summary>Open model: the arrivals per second the plan asked for in the middle of the bucket; closed: 0.</summary>
    public double TargetRate { get; init; }
}
