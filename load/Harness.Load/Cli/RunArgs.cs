using System.CommandLine;
using System.Globalization;
using System.Text;
using Harness.Load.Targets;

namespace Harness.Load.Cli;

/// <summary>
/// <c>LoadRunnerContext.Run(args)</c>: the CLI's flags applied to registered scenarios, so a partner's console app is a
/// CLI. <c>--rate</c>/<c>--concurrency</c> replace every scenario's load simulations with one shape (ramp, warm-up,
/// measured duration); without them the scenarios keep their own.
/// </summary>
internal static class RunArgs
{
    private static readonly Option<double?> Rate = new("--rate") { Description = "Open model: iterations started per second, whatever the responses do." };
    private static readonly Option<int?> Concurrency = new("--concurrency") { Description = "Closed model: copies looping back to back." };
    private static readonly Option<string?> Duration = new("--duration") { Description = "Measured duration with --rate/--concurrency, e.g. 30s, 10m, 2h (default 30s). No cap: soak as long as you need." };
    private static readonly Option<string?> Ramp = new("--ramp") { Description = "Linear ramp from 0 before the warm-up, e.g. 10s." };
    private static readonly Option<string?> Warmup = new("--warmup") { Description = "Warm-up at full load, excluded from the statistics, e.g. 2s." };
    private static readonly Option<string?> Target = new("--target") { Description = "The target URL scenarios read from context.Target (loopback unless --allow-remote)." };
    private static readonly Option<bool> AllowRemote = new("--allow-remote") { Description = "Allow a non-loopback --target (needs --max-rate)." };
    private static readonly Option<double?> MaxRate = new("--max-rate") { Description = "Cap on the rate for a remote target." };
    private static readonly Option<string?> Out = new("--out") { Description = "Report folder (default reports/<yyyyMMdd-HHmmss>-<test name>/)." };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for every iteration's Random (default 1)." };
    private static readonly Option<string?> Baseline = new("--baseline") { Description = "Compare with this baseline (a saved summary.json); exit 1 outside the tolerances." };
    private static readonly Option<string?> SaveBaseline = new("--save-baseline") { Description = "Write this run's summary as a baseline file." };
    private static readonly Option<int?> MaxInFlight = new("--max-in-flight") { Description = "Open model: in-flight cap; later arrivals wait and count as late." };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "No per-second progress lines." };
    private static readonly Option<string[]> Scenarios = new("--scenario") { Description = "Run only these registered scenarios (repeatable)." };
    private static readonly Option<string[]> Formats = new("--report-format") { Description = "Report formats (repeatable): html, md, csv, txt, json (default: all)." };
    private static readonly Option<string?> TestName = new("--test-name") { Description = "The test's name (reports, sinks)." };
    private static readonly Option<string?> TestSuite = new("--test-suite") { Description = "The test's suite (reports, sinks)." };
    private static readonly Option<string?> ReportingInterval = new("--reporting-interval") { Description = "How often thresholds are checked and sinks get live stats (default 5s)." };

    private static readonly Option<int?> Agents = new("--agents") { Description = "Distributed test: this run is one of N agents and does 1/N of the load (exact split)." };
    private static readonly Option<int?> AgentIndex = new("--agent-index") { Description = "This agent's index, 0..N-1 (default: $JOB_COMPLETION_INDEX, then $HARNESS_AGENT_INDEX)." };
    private static readonly Option<string?> StartAt = new("--start-at") { Description = "UTC instant (ISO 8601, e.g. 2026-01-01T12:00:00Z) at which every agent starts its load." };

    private static readonly Option[] All =
    [
        Rate, Concurrency, Duration, Ramp, Warmup, Target, AllowRemote, MaxRate, Out, Seed, Baseline, SaveBaseline, MaxInFlight,
        Quiet, Scenarios, Formats, TestName, TestSuite, ReportingInterval, Agents, AgentIndex, StartAt,
    ];

    /// <summary>The context with the flags applied; null with <paramref name="error"/> set when they are wrong (null error: help was printed).</summary>
    public static LoadRunnerContext? Apply(LoadRunnerContext context, string[] args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            (context.Output ?? Console.Out).Write(Help());
            error = null;
            return null;
        }

        var root = new RootCommand("Harness.Load run");
        foreach (var option in All)
            root.Options.Add(option);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error = string.Join("\n", parsed.Errors.Select(e => $"error: {e.Message}")) + "\nrun with --help for the flags";
            return null;
        }

        try
        {
            error = null;
            return Apply(context, parsed);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            error = $"error: {ex.Message}";
            return null;
        }
    }

    public static string Help()
    {
        var help = new StringBuilder("Flags (LoadRunner…Run(args)):\n");
        foreach (var option in All)
            help.Append(CultureInfo.InvariantCulture, $"  {option.Name,-22} {option.Description}\n");
        return help.ToString();
    }

    private static LoadRunnerContext Apply(LoadRunnerContext context, ParseResult p)
    {
        var c = context;
        if (p.GetValue(Target) is { } targetText)
            c = c with { Target = TargetPolicy.ParseTarget(targetText) };
        c = c with
        {
            AllowRemote = c.AllowRemote || p.GetValue(AllowRemote),
            MaxRate = p.GetValue(MaxRate) ?? c.MaxRate,
            Quiet = c.Quiet || p.GetValue(Quiet),
        };
        if (p.GetValue(Out) is { } folder)
            c = c.WithReportFolder(folder);
        if (p.GetValue(Seed) is { } seed)
            c = c.WithSeed(seed);
        if (p.GetValue(Baseline) is { } baseline)
            c = c.WithBaseline(baseline);
        if (p.GetValue(SaveBaseline) is { } save)
            c = c.WithSaveBaseline(save);
        if (p.GetValue(TestName) is { } name)
            c = c.WithTestName(name);
        if (p.GetValue(TestSuite) is { } suite)
            c = c.WithTestSuite(suite);
        if (p.GetValue(ReportingInterval) is { } interval)
            c = c.WithReportingInterval(DurationText.Parse(interval, "--reporting-interval"));
        if (p.GetValue(Agents) is { } agents)
            c = c with { Shard = AgentShard.Resolve(agents, p.GetValue(AgentIndex), Environment.GetEnvironmentVariable) };
        else if (p.GetValue(AgentIndex) is not null)
            throw new ArgumentException("--agent-index needs --agents N");
        if (p.GetValue(StartAt) is { } startAt)
            c = c.WithStartAt(ParseInstant(startAt));
        if (p.GetValue(Formats) is { Length: > 0 } formats)
            c = c.WithReportFormats(formats.Select(ParseFormat).ToArray());

        var scenarios = c.Scenarios;
        if (p.GetValue(Scenarios) is { Length: > 0 } names)
        {
            var unknown = names.Where(n => !scenarios.Any(s => s.ScenarioName == n)).ToArray();
            if (unknown.Length > 0)
                throw new ArgumentException($"--scenario: unknown {string.Join(", ", unknown)}; registered: {string.Join(", ", scenarios.Select(s => s.ScenarioName))}");
            scenarios = scenarios.Where(s => names.Contains(s.ScenarioName, StringComparer.Ordinal)).ToArray();
        }

        if (p.GetValue(MaxInFlight) is { } inFlight)
            scenarios = scenarios.Select(s => s.WithMaxInFlight(inFlight)).ToArray();
        return c with { Scenarios = Reshape(scenarios, p, c) };
    }

    private static IReadOnlyList<ScenarioProps> Reshape(IReadOnlyList<ScenarioProps> scenarios, ParseResult p, LoadRunnerContext c)
    {
        var rate = p.GetValue(Rate);
        var concurrency = p.GetValue(Concurrency);
        var shaped = p.GetValue(Duration) is not null || p.GetValue(Ramp) is not null || p.GetValue(Warmup) is not null;
        if (rate is null && concurrency is null)
        {
            return shaped
                ? throw new ArgumentException("--duration, --ramp and --warmup shape the load of --rate or --concurrency: pass one of them")
                : scenarios;
        }

        if (rate is not null && concurrency is not null)
            throw new ArgumentException("--rate (open model) and --concurrency (closed model) are exclusive: pick one");
        if (rate is <= 0 or double.NaN || concurrency is <= 0)
            throw new ArgumentException("--rate and --concurrency must be positive");
        var duration = Parse(p, Duration, TimeSpan.FromSeconds(30));
        var ramp = Parse(p, Ramp, TimeSpan.Zero);
        var warmup = Parse(p, Warmup, TimeSpan.Zero);
        if (duration <= TimeSpan.Zero)
            throw new ArgumentException("--duration must be positive");
        if (c.Target is { } target)
            rate = TargetPolicy.Allow(target, c.AllowRemote, c.MaxRate, rate);

        var second = TimeSpan.FromSeconds(1);
        var phases = new List<LoadSimulation>();
        if (ramp > TimeSpan.Zero)
            phases.Add(rate is { } r ? new LoadSimulation.RampingInject(r, second, ramp) : new LoadSimulation.RampingConstant(concurrency!.Value, ramp));
        phases.Add(rate is { } steady ? new LoadSimulation.Inject(steady, second, warmup + duration) : new LoadSimulation.KeepConstant(concurrency!.Value, warmup + duration));
        return scenarios.Select(s => s with { LoadSimulations = [.. phases], WarmUpDuration = ramp + warmup, WarmUpIncluded = true }).ToArray();
    }

    private static TimeSpan Parse(ParseResult p, Option<string?> option, TimeSpan fallback) =>
        p.GetValue(option) is { } text ? DurationText.Parse(text, option.Name) : fallback;

    /// <summary>An ISO 8601 instant with an explicit offset or Z (a local time would start agents in different zones apart).</summary>
    internal static DateTimeOffset ParseInstant(string text)
    {
        var hasZone = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        return hasZone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.ToUniversalTime()
            : throw new ArgumentException($"--start-at: '{text}' is not a UTC instant; write it as ISO 8601 with Z or an offset, e.g. 2026-01-01T12:00:00Z");
    }

    private static ReportFormat ParseFormat(string text) =>
        Enum.TryParse<ReportFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format)
            ? format
            : throw new ArgumentException($"--report-format: '{text}' is not one of html, md, csv, txt, json");
}
