using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Load.Cli;
using Harness.Load.Targets;
using Harness.Load.Verdicts;

namespace Harness.Load.Profiles;

/// <summary>
/// Profiles/&lt;name&gt;.json: the profile's default load shape, HTTP and engine settings, thresholds and baseline
/// tolerances. Everything is optional; command-line options override the load shape.
/// </summary>
internal sealed record ProfileSettings
{
    public LoadDefaults Load { get; init; } = new();

    /// <summary>An explicit load shape, used when no load option is given on the command line.</summary>
    public IReadOnlyList<SimulationSettings>? Simulations { get; init; }

    public HttpSettings Http { get; init; } = new();

    public int MaxInFlight { get; init; } = 4096;

    /// <summary>The profile's own knobs (mix weights, pool sizes); the profile rejects names it does not know.</summary>
    public IReadOnlyDictionary<string, double> Options { get; init; } = new Dictionary<string, double>();

    public ThresholdLimits? Thresholds { get; init; }

    public BaselineTolerances? BaselineTolerances { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new DurationJsonConverter() },
    };

    /// <summary>Reads a profile's JSON; a typo in a key is an error naming the file, not a silently ignored limit.</summary>
    public static ProfileSettings Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ProfileSettings>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}

internal sealed record LoadDefaults
{
    /// <summary>Open model: iterations per second. Ignored when <see cref="Concurrency"/> is set.</summary>
    public double Rate { get; init; } = 100;

    /// <summary>Closed model: copies looping.</summary>
    public int? Concurrency { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Ramp { get; init; } = TimeSpan.Zero;
}

/// <summary>One phase in JSON: {"kind": "inject", "rate": 100, "interval": "1s", "during": "30s"}.</summary>
internal sealed record SimulationSettings
{
    public required string Kind { get; init; }

    public double Rate { get; init; }

    public double MinRate { get; init; }

    public double MaxRate { get; init; }

    public int Copies { get; init; }

    public int Iterations { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan During { get; init; }

    public LoadSimulation ToSimulation() => Kind.ToLowerInvariant() switch
    {
        "inject" => new LoadSimulation.Inject(Rate, Interval, During),
        "ramping_inject" => new LoadSimulation.RampingInject(Rate, Interval, During),
        "inject_random" => new LoadSimulation.InjectRandom(MinRate, MaxRate, Interval, During),
        "iterations_for_inject" => new LoadSimulation.IterationsForInject(Rate, Interval, Iterations),
        "keep_constant" => new LoadSimulation.KeepConstant(Copies, During),
        "ramping_constant" => new LoadSimulation.RampingConstant(Copies, During),
        "iterations_for_constant" => new LoadSimulation.IterationsForConstant(Copies, Iterations),
        "pause" => new LoadSimulation.Pause(During),
        _ => throw new InvalidDataException(
            $"simulation kind '{Kind}' is unknown (inject, ramping_inject, inject_random, iterations_for_inject, keep_constant, ramping_constant, iterations_for_constant, pause)"),
    };
}

/// <summary>
/// Pass/fail limits as data in the scenario's JSON, e.g. <c>{"p99_ms": 250, "error_rate_pct": 1, "min_achieved_ratio": 0.99}</c>,
/// turned into the same <see cref="Threshold"/>s a partner writes. They are checked on the final statistics
/// (startCheckAfter: the end of the run), so a spike in one live interval does not fail a run whose numbers pass.
/// Latency limits apply to the corrected latency of ok iterations.
/// </summary>
internal sealed record ThresholdLimits
{
    public double? P50Ms { get; init; }

    public double? P95Ms { get; init; }

    public double? P99Ms { get; init; }

    public double? ErrorRatePct { get; init; }

    /// <summary>Achieved ÷ target rate (open model only).</summary>
    public double? MinAchievedRatio { get; init; }

    public Threshold[] ToThresholds()
    {
        var atEnd = TimeSpan.MaxValue;
        var list = new List<Threshold>();
        if (P50Ms is { } p50)
            list.Add(Threshold.Create(s => s.Ok.Latency.Percent50 <= p50, startCheckAfter: atEnd).WithDescription(F($"p50_ms <= {p50}")));
        if (P95Ms is { } p95)
            list.Add(Threshold.Create(s => s.Ok.Latency.Percent95 <= p95, startCheckAfter: atEnd).WithDescription(F($"p95_ms <= {p95}")));
        if (P99Ms is { } p99)
            list.Add(Threshold.Create(s => s.Ok.Latency.Percent99 <= p99, startCheckAfter: atEnd).WithDescription(F($"p99_ms <= {p99}")));
        if (ErrorRatePct is { } errors)
            list.Add(Threshold.Create(s => s.Fail.Request.Percent <= errors, startCheckAfter: atEnd).WithDescription(F($"error_rate_pct <= {errors}")));
        if (MinAchievedRatio is { } ratio)
            list.Add(Threshold.Create(s => s.TargetRate <= 0 || s.AchievedRate >= ratio * s.TargetRate, startCheckAfter: atEnd).WithDescription(F($"min_achieved_ratio >= {ratio}")));
        return [.. list];
    }

    private static string F(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
