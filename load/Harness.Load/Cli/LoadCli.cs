using System.CommandLine;
using System.Globalization;
using Harness.Load.Engine;
using Harness.Load.Profiles;
using Harness.Load.Profiles.Airline;
using Harness.Load.Reports;
using Harness.Load.Targets;
using Harness.Load.Verdicts;

namespace Harness.Load.Cli;

/// <summary>
/// The command line: <c>run &lt;profile&gt;</c>, <c>profiles</c>, <c>compare &lt;summary&gt; &lt;baseline&gt;</c>, and the
/// hidden <c>serve-echo</c> bench target. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
internal sealed class LoadCli(ProfileCatalog catalog, ITargetFactory targets, TextWriter stdout, TextWriter stderr)
{
    /// <summary>No run, whatever its options, lasts longer than this (warm-up and ramp included).</summary>
    public static readonly TimeSpan MaxRunLength = TimeSpan.FromMinutes(10);

    private readonly Argument<string> _profile = new("profile") { Description = "Profile to run (see `profiles`)." };
    private readonly Option<double?> _rate = new("--rate") { Description = "Open model: iterations started per second, whatever the responses do." };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Closed model: copies looping back to back." };
    private readonly Option<string?> _duration = new("--duration") { Description = "Measured duration, e.g. 30s (default: the profile's)." };
    private readonly Option<string?> _ramp = new("--ramp") { Description = "Linear ramp from 0 before the measured duration, e.g. 10s." };
    private readonly Option<string?> _warmup = new("--warmup") { Description = "Warm-up at full load, excluded from statistics, e.g. 2s." };
    private readonly Option<string?> _target = new("--target") { Description = "Base URL of the target (loopback unless --allow-remote)." };
    private readonly Option<string?> _out = new("--out") { Description = "Report folder (default load/reports/<yyyyMMdd-HHmmss>-<profile>/)." };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for every iteration's Random.", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _baseline = new("--baseline") { Description = "Compare with this baseline (a saved summary.json)." };
    private readonly Option<string?> _saveBaseline = new("--save-baseline") { Description = "Write this run's summary as a baseline file." };
    private readonly Option<bool> _allowRemote = new("--allow-remote") { Description = "Allow a non-loopback --target (needs --max-rate)." };
    private readonly Option<double?> _maxRate = new("--max-rate") { Description = "Cap on --rate for a remote target." };
    private readonly Option<int?> _maxConnections = new("--max-connections") { Description = "Connections per server (default: the profile's)." };
    private readonly Option<int?> _maxInFlight = new("--max-in-flight") { Description = "Open model: in-flight cap; later arrivals wait and count as late." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "No per-second progress lines." };

    public static LoadCli Default() =>
        new(ProfileCatalog.BuiltIn(), new SandboxTargetFactory(), Console.Out, Console.Error);

    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = BuildCommand();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await stderr.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("run with --help for usage").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Ctrl-C is ours (Program.cs): a stopped run must still write its report, which a forced exit would prevent.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled before the run started: no report").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidDataException or FileNotFoundException
                                   or KeyNotFoundException or TargetUnavailableException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    private RootCommand BuildCommand()
    {
        var run = new Command("run", "Run a load profile and write summary.json, report.md, report.csv and report.html.")
        {
            _profile, _rate, _concurrency, _duration, _ramp, _warmup, _target, _out, _seed, _baseline, _saveBaseline,
            _allowRemote, _maxRate, _maxConnections, _maxInFlight, _quiet,
        };
        run.SetAction(RunAsync);

        var profiles = new Command("profiles", "List the profiles and their default load.");
        profiles.SetAction(_ => ListProfiles());

        var summaryArg = new Argument<string>("summary") { Description = "A run's summary.json." };
        var baselineArg = new Argument<string>("baseline") { Description = "A baseline (a saved summary.json)." };
        var compare = new Command("compare", "Compare a run summary with a baseline; exit 1 when outside the profile's tolerances.")
        {
            summaryArg, baselineArg,
        };
        compare.SetAction((result, ct) => CompareAsync(result.GetValue(summaryArg)!, result.GetValue(baselineArg)!, ct));

        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5080 };
        var latency = new Option<double>("--latency-ms") { DefaultValueFactory = _ => 0 };
        var lifetime = new Option<string>("--for") { DefaultValueFactory = _ => "10m" };
        var echo = new Command("serve-echo", "Serve GET /_admin/ping on 127.0.0.1 (bench target).") { port, latency, lifetime };
        echo.Hidden = true;
        echo.SetAction((result, ct) => EchoServer.ServeAsync(
            result.GetValue(port), TimeSpan.FromMilliseconds(result.GetValue(latency)),
            DurationText.Parse(result.GetValue(lifetime)!, "--for"), stderr, ct));

        var bodySeed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var benchBody = new Command("bench-body", "Print the cfar_offer_fixed profile's request body (bench.sh gives it to wrk and hey).") { bodySeed };
        benchBody.Hidden = true;
        benchBody.SetAction(result =>
        {
            stdout.WriteLine(CfarOfferBenchProfile.Body(result.GetValue(bodySeed)));
            return ExitCodes.Ok;
        });

        return new RootCommand("Harness load engine: open- and closed-model load with coordinated-omission-corrected latency.")
        {
            run, profiles, compare, echo, benchBody,
        };
    }

    private int ListProfiles()
    {
        foreach (var profile in catalog.All)
        {
            var load = catalog.Settings(profile.Name).Load;
            var shape = load.Concurrency is { } c ? $"{c} copies" : $"{load.Rate.ToString(CultureInfo.InvariantCulture)}/s";
            stdout.WriteLine($"{profile.Name,-12} {profile.Description} (default {shape} for {DurationText.Format(load.Duration)})");
        }

        return ExitCodes.Ok;
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetValue(_profile)!;
        var profile = catalog.Get(name);
        var settings = catalog.Settings(profile.Name);
        var requested = result.GetValue(_target) is { } text ? TargetPolicy.ParseTarget(text) : null;
        var plan = BuildPlan(result, settings, requested);
        var http = settings.Http with
        {
            MaxConnectionsPerServer = result.GetValue(_maxConnections) ?? settings.Http.MaxConnectionsPerServer,
        };
        var outDir = result.GetValue(_out) ?? DefaultReportDirectory(profile.Name);
        var baselinePath = result.GetValue(_baseline);
        var baseline = baselinePath is null ? null : await ReportWriter.ReadSummaryAsync(baselinePath, cancellationToken).ConfigureAwait(false);
        var seed = result.GetValue(_seed);

        RaiseThreadPoolFloor();
        var target = await targets.ResolveAsync(requested, cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            // One pool per target for the whole run: the profile's typed clients are built on this same handler.
            var handler = HttpTarget.CreateHandler(http);
            using var client = HttpTarget.CreateClient(target.BaseUrl, http, handler);
            var scenario = profile.CreateScenario(new ProfileContext(target.BaseUrl, target.AirlineBaseUrl, client, seed)
            {
                Handler = handler,
                MaxConnectionsPerServer = http.MaxConnectionsPerServer,
                RequestTimeout = http.RequestTimeout,
                Options = settings.Options,
            });
            try
            {
                return await RunScenarioAsync(result, profile, settings, plan, scenario, target, outDir, baseline, baselinePath, seed, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (scenario.Clean is { } clean)
                    await clean().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> RunScenarioAsync(
        ParseResult result, ILoadProfile profile, ProfileSettings settings, LoadPlan plan, ScenarioDefinition scenario, LoadTarget target,
        string outDir, RunSummary? baseline, string? baselinePath, int seed, CancellationToken cancellationToken)
    {
        var quiet = result.GetValue(_quiet);
        var options = new RunOptions(scenario, plan)
        {
            Seed = seed,
            MaxInFlight = result.GetValue(_maxInFlight) ?? settings.MaxInFlight,
            Progress = quiet ? null : p => stderr.WriteLine(ProgressLine(p)),
        };
        await stderr.WriteLineAsync(
            $"running '{profile.Name}' ({plan.Model} model) against {SummaryBuilder.Redact(target.BaseUrl)} for {DurationText.Format(plan.Duration)}; Ctrl-C stops and still reports").ConfigureAwait(false);
        var outcome = await new LoadRunner(options).RunAsync(cancellationToken).ConfigureAwait(false);

        var summary = SummaryBuilder.Build(outcome, profile.Name, target.BaseUrl);
        var comparison = baseline is null ? null
            : (settings.BaselineTolerances ?? BaselineTolerances.Default).Compare(summary, baseline, baselinePath!);
        summary = SummaryBuilder.Decide(summary, settings.Thresholds, comparison);

        // The report is written even when the run was stopped: that is what --out is for.
        await ReportWriter.WriteAsync(RunReport.From(summary, outcome), outDir, CancellationToken.None).ConfigureAwait(false);
        if (result.GetValue(_saveBaseline) is { } savePath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(savePath))!);
            await File.WriteAllTextAsync(savePath, ReportWriter.ToJson(summary), CancellationToken.None).ConfigureAwait(false);
            await stderr.WriteLineAsync($"baseline saved to {savePath}").ConfigureAwait(false);
        }

        await stdout.WriteAsync(MarkdownReport.Render(RunReport.From(summary, outcome))).ConfigureAwait(false);
        await stdout.WriteLineAsync($"\nreports: {Path.GetFullPath(outDir)}").ConfigureAwait(false);
        return SummaryBuilder.ExitCode(summary);
    }

    /// <summary>
    /// The generator and an in-process sandbox share one thread pool. A pool that starts at one thread per core grows by
    /// about one thread a second when a burst of CPU-bound requests arrives (its hill climbing), which showed as seconds
    /// of latency in a run's first seconds; a higher floor lets it absorb the burst at once.
    /// </summary>
    private static void RaiseThreadPoolFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 16 * Environment.ProcessorCount), completionPorts);
    }

    private LoadPlan BuildPlan(ParseResult result, ProfileSettings settings, Uri? requested)
    {
        var rateOption = result.GetValue(_rate);
        var concurrencyOption = result.GetValue(_concurrency);
        if (rateOption is not null && concurrencyOption is not null)
            throw new ArgumentException("--rate (open model) and --concurrency (closed model) are exclusive: pick one");
        if (rateOption is <= 0 || concurrencyOption is <= 0)
            throw new ArgumentException("--rate and --concurrency must be positive");
        var duration = Duration(result, _duration, settings.Load.Duration);
        var ramp = Duration(result, _ramp, settings.Load.Ramp);
        var warmup = Duration(result, _warmup, settings.Load.Warmup);
        var anyLoadOption = rateOption is not null || concurrencyOption is not null
            || result.GetValue(_duration) is not null || result.GetValue(_ramp) is not null || result.GetValue(_warmup) is not null;

        LoadPlan plan;
        if (!anyLoadOption && settings.Simulations is { Count: > 0 } simulations)
        {
            plan = new LoadPlan(simulations.Select(s => s.ToSimulation()).ToArray(), warmup);
            if (requested is not null && !TargetPolicy.IsLoopback(requested))
                throw new ArgumentException("a remote target needs --rate (so --max-rate can cap it), not the profile's load shape");
        }
        else
        {
            var concurrency = concurrencyOption ?? (rateOption is null ? settings.Load.Concurrency : null);
            var rate = concurrency is null ? rateOption ?? settings.Load.Rate : (double?)null;
            if (requested is not null)
                rate = TargetPolicy.Allow(requested, result.GetValue(_allowRemote), result.GetValue(_maxRate), rate);
            if (duration <= TimeSpan.Zero)
                throw new ArgumentException("--duration must be positive");
            var phases = new List<LoadSimulation>();
            var second = TimeSpan.FromSeconds(1);
            if (ramp > TimeSpan.Zero)
                phases.Add(rate is { } r ? new LoadSimulation.RampingInject(r, second, ramp) : new LoadSimulation.RampingConstant(concurrency!.Value, ramp));
            phases.Add(rate is { } steady ? new LoadSimulation.Inject(steady, second, warmup + duration) : new LoadSimulation.KeepConstant(concurrency!.Value, warmup + duration));
            plan = new LoadPlan(phases, ramp + warmup);
        }

        if (plan.Duration > MaxRunLength)
            throw new ArgumentException($"a run lasts at most {MaxRunLength.TotalMinutes:0} minutes (ramp + warm-up + duration); this one is {DurationText.Format(plan.Duration)}");
        return plan;
    }

    private static TimeSpan Duration(ParseResult result, Option<string?> option, TimeSpan fallback) =>
        result.GetValue(option) is { } text ? DurationText.Parse(text, option.Name) : fallback;

    private async Task<int> CompareAsync(string summaryPath, string baselinePath, CancellationToken cancellationToken)
    {
        var summary = await ReportWriter.ReadSummaryAsync(summaryPath, cancellationToken).ConfigureAwait(false);
        var baseline = await ReportWriter.ReadSummaryAsync(baselinePath, cancellationToken).ConfigureAwait(false);
        var tolerances = (catalog.TryGet(summary.Profile, out _) ? catalog.Settings(summary.Profile).BaselineTolerances : null)
            ?? BaselineTolerances.Default;
        var comparison = tolerances.Compare(summary, baseline, baselinePath);
        await stdout.WriteAsync(MarkdownReport.RenderChecks($"Baseline {Path.GetFileName(baselinePath)}: {(comparison.Passed ? "pass" : "fail")}", comparison.Checks, withBaseline: true)).ConfigureAwait(false);
        return comparison.Passed ? ExitCodes.Ok : ExitCodes.ThresholdFailed;
    }

    internal static string ProgressLine(ProgressSnapshot p)
    {
        var load = p.Draining ? "draining in-flight iterations"
            : p.Model == "open"
            ? string.Create(CultureInfo.InvariantCulture, $"rate {p.AchievedRate,6:0}/{p.TargetRate:0}/s")
            : string.Create(CultureInfo.InvariantCulture, $"copies {p.TargetRate:0} done {p.AchievedRate,6:0}/s");
        return string.Create(CultureInfo.InvariantCulture,
            $"[{p.Elapsed.TotalSeconds,5:0}s] {load}  p99 {p.P99CorrectedMs,8:0.00} ms  errors {p.Errors}  in-flight {p.InFlight}{(p.WarmingUp ? "  (warm-up)" : "")}");
    }

    /// <summary>load/reports/&lt;stamp&gt;-&lt;profile&gt; under the repo root (the folder holding Harness.sln), else under the working directory.</summary>
    private static string DefaultReportDirectory(string profile)
    {
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return Path.Combine(dir.FullName, "load", "reports", $"{stamp}-{profile}");
        }

        return Path.Combine("load", "reports", $"{stamp}-{profile}");
    }
}
