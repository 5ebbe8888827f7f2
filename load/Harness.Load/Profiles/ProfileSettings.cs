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

    public Thresholds? Thresholds { get; init; }

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

    public int Copies { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public required TimeSpan During { get; init; }

    public LoadSimulation ToSimulation() => Kind.ToLowerInvariant() switch
    {
        "inject" => new LoadSimulation.Inject(Rate, Interval, During),
        "ramping_inject" => new LoadSimulation.RampingInject(Rate, Interval, During),
        "keep_constant" => new LoadSimulation.KeepConstant(Copies, During),
        "ramping_constant" => new LoadSimulation.RampingConstant(Copies, During),
        _ => throw new InvalidDataException($"simulation kind '{Kind}' is unknown (inject, ramping_inject, keep_constant, ramping_constant)"),
    };
}
