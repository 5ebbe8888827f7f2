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
/// The airline CLI: <c>run &lt;profile&gt; [flags]</c> builds the built-in scenario on its target (the sandbox in-process
/// when no <c>--target</c>) and hands the flags to <see cref="LoadRunnerContext.RunAsync(string[], CancellationToken)"/>,
/// the same <c>Run(args)</c> a partner's console app uses; <c>profiles</c>; <c>compare &lt;summary&gt; &lt;baseline&gt;</c>;
/// and the hidden <c>serve-echo</c>, <c>bench-body</c> and <c>bench-http-floor</c> (<see cref="HttpFloor"/>) bench helpers. Exit codes: <see cref="ExitCodes"/>.
/// </summary>
internal sealed class LoadCli(ProfileCatalog catalog, ITargetFactory targets, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The flags that choose a load shape; without any, the scenario's JSON gives it.</summary>
    private static readonly string[] LoadFlags = ["--rate", "--concurrency", "--duration", "--ramp", "--warmup"];

    /// <summary>The clock the run reads and waits on: the system's, or a fake one in the tests.</summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A test's driver of the run on a fake <see cref="Time"/> (see <see cref="IRunObserver"/>); null in a real run.</summary>
    internal IRunObserver? Observer { get; init; }

    /// <summary>
    /// Builds the run's one connection pool from the profile's HTTP settings: a socket pool, or in the tests a handler that
    /// answers on the virtual clock (everything above it, the profile's steps, statuses, thresholds and reports, unchanged).
    /// </summary>
    internal Func<HttpSettings, HttpMessageHandler> CreateHandler { get; init; } = HttpTarget.CreateHandler;

    public static LoadCli Default() =>
        new(ProfileCatalog.BuiltIn(), new SandboxTargetFactory(), Console.Out, Console.Error);

    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return args switch
            {
                ["run", var name, .. var flags] when !name.StartsWith('-') => await RunAsync(name, flags, cancellationToken).ConfigureAwait(false),
                ["run", ..] => await Usage("run needs a profile: run <profile> [flags] (see `profiles`)").ConfigureAwait(false),
                ["profiles"] => ListProfiles(),
                ["compare", var summary, var baseline] => await CompareAsync(summary, baseline, cancellationToken).ConfigureAwait(false),
                ["compare", ..] => await Usage("compare takes two files: compare <summary.json> <baseline.json>").ConfigureAwait(false),
                ["merge", .. var rest] => await MergeAsync(rest, cancellationToken).ConfigureAwait(false),
                ["serve-echo", .. var rest] => await ServeEchoAsync(rest, cancellationToken).ConfigureAwait(false),
                ["bench-body", .. var rest] => BenchBody(rest),
                ["bench-http-floor", .. var rest] => await HttpFloor.RunAsync(rest, stdout, stderr, cancellationToken).ConfigureAwait(false),
                [] or ["--help" or "-h"] => Help(),
                _ => await Usage($"unknown command '{args[0]}'").ConfigureAwait(false),
            };
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

    private int Help()
    {
        stdout.WriteLine("usage: run <profile> [flags] | profiles | compare <summary.json> <baseline.json> | " + MergeArgs.Usage);
        stdout.WriteLine("run's flags (as LoadRunner…Run(args)), plus --max-connections N (the run's connection pool):");
        stdout.Write(RunArgs.Help());
        return ExitCodes.Ok;
    }

    private async Task<int> Usage(string message)
    {
        await stderr.WriteLineAsync($"error: {message}; run with --help for usage").ConfigureAwait(false);
        return ExitCodes.Usage;
    }

    private int ListProfiles()
    {
        foreach (var profile in catalog.All)
        {
            var load = catalog.Settings(profile.Name).Load;
            var shape = load.Concurrency is { } c ? $"{c} copies" : $"{load.Rate.ToString(CultureInfo.InvariantCulture)}/s";
            stdout.WriteLine($"{profile.Name,-18} {profile.Description} (default {shape} for {DurationText.Format(load.Duration)})");
        }

        return ExitCodes.Ok;
    }

    private async Task<int> RunAsync(string name, string[] flags, CancellationToken cancellationToken)
    {
        var builtIn = catalog.Get(name);
        var settings = catalog.Settings(builtIn.Name);
        var (args, maxConnections, targetText, samplesPath) = Split(flags);
        var requested = targetText is null ? null : TargetPolicy.ParseTarget(targetText);
        var http = settings.Http with { MaxConnectionsPerServer = maxConnections ?? settings.Http.MaxConnectionsPerServer };
        var anyLoadFlag = args.Any(a => LoadFlags.Contains(a, StringComparer.Ordinal));
        if (!anyLoadFlag && settings.Simulations is { Count: > 0 } && requested is not null && !TargetPolicy.IsLoopback(requested))
            throw new ArgumentException("a remote target needs --rate (so --max-rate can cap it), not the profile's load shape");
        if (!args.Contains("--out", StringComparer.Ordinal))
            args = [.. args, "--out", DefaultReportDirectory(builtIn.Name)];
        var seed = SeedOf(args);

        RaiseThreadPoolFloor();
        var target = await targets.ResolveAsync(requested, cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            // One pool per target for the whole run: the scenario's typed clients are built on this same handler.
            var handler = CreateHandler(http);
            using var client = HttpTarget.CreateClient(target.BaseUrl, http, handler);
            var scenario = builtIn.Create(new ProfileContext(target.BaseUrl, target.AirlineBaseUrl, client, seed)
            {
                Handler = handler,
                MaxConnectionsPerServer = http.MaxConnectionsPerServer,
                RequestTimeout = http.RequestTimeout,
                Options = settings.Options,
            })
            .WithMaxInFlight(settings.MaxInFlight)
            .WithThresholds(settings.Thresholds?.ToThresholds() ?? []);

            if (!anyLoadFlag && settings.Simulations is { Count: > 0 } simulations)
            {
                // The JSON's explicit shape, its first `load.warmup` excluded from the statistics.
                scenario = scenario with { LoadSimulations = simulations.Select(s => s.ToSimulation()).ToArray(), WarmUpDuration = settings.Load.Warmup, WarmUpIncluded = true };
            }
            else
            {
                // The JSON's default load for every flag not given: `run offers --duration 10s` keeps offers' rate.
                args = WithDefaults(args, settings.Load);
            }

            var context = LoadRunner.RegisterScenarios(scenario)
                .WithReportingSinks(samplesPath is null ? [] : [new RawSamplesSink(samplesPath)])
                .WithTestName(builtIn.Name)
                .WithTarget(requested ?? target.BaseUrl)
                .WithOutput(stdout) with
            {
                Tolerances = settings.BaselineTolerances,
                HandleSignals = false,
                ErrorOutput = stderr,
                Time = Time,
                Observer = Observer,
            };
            var node = await context.RunAsync(args, cancellationToken).ConfigureAwait(false);
            return node.ExitCode;
        }
    }

    /// <summary>
    /// The flags Run(args) takes, and those the CLI keeps for itself: the connection pool, the target to resolve, and the
    /// hidden test-only <c>--dump-samples &lt;file&gt;</c> (every iteration's raw latency, for the distributed proof).
    /// </summary>
    private static (string[] Args, int? MaxConnections, string? Target, string? SamplesPath) Split(string[] flags)
    {
        var args = new List<string>();
        int? maxConnections = null;
        string? target = null;
        string? samples = null;
        for (var i = 0; i < flags.Length; i++)
        {
            if (flags[i] == "--dump-samples")
            {
                samples = i + 1 < flags.Length ? flags[++i] : throw new ArgumentException("--dump-samples needs a file");
                continue;
            }

            if (flags[i] == "--max-connections")
            {
                if (i + 1 >= flags.Length || !int.TryParse(flags[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                    throw new ArgumentException("--max-connections needs a whole number ≥ 1");
                maxConnections = n;
                i++;
                continue;
            }

            if (flags[i] == "--target" && i + 1 < flags.Length)
                target = flags[i + 1];
            args.Add(flags[i]);
        }

        return ([.. args], maxConnections, target, samples);
    }

    private static string[] WithDefaults(string[] args, LoadDefaults load)
    {
        var list = args.ToList();
        if (!list.Contains("--rate") && !list.Contains("--concurrency"))
        {
            list.AddRange(load.Concurrency is { } c
                ? ["--concurrency", c.ToString(CultureInfo.InvariantCulture)]
                : ["--rate", load.Rate.ToString(CultureInfo.InvariantCulture)]);
        }

        Default("--duration", load.Duration);
        Default("--warmup", load.Warmup);
        Default("--ramp", load.Ramp);
        return [.. list];

        void Default(string flag, TimeSpan value)
        {
            if (!list.Contains(flag))
                list.AddRange([flag, DurationText.Format(value)]);
        }
    }

    private static int SeedOf(string[] args)
    {
        var i = Array.IndexOf(args, "--seed");
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 1;
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

    /// <summary>
    /// merge &lt;agent-dir&gt;… --out &lt;dir&gt; [--baseline file]: the agents' agent.json merged into one test's reports
    /// (<see cref="LoadRunnerContext.MergeAsync"/>), with the built-in scenario's thresholds and tolerances when the agents
    /// ran one.
    /// </summary>
    private async Task<int> MergeAsync(string[] args, CancellationToken cancellationToken)
    {
        if (MergeArgs.Parse(args, out var error) is not { } request)
            return await Usage(error!).ConfigureAwait(false);

        // The agents' scenario names the built-in whose JSON thresholds and tolerances the merged result is held to.
        var name = AgentOutput.Read(Path.Combine(request.Folders[0], AgentOutput.FileName)).Scenario;
        var settings = catalog.TryGet(name, out _) ? catalog.Settings(name) : null;
        var scenario = Scenario.Empty(name).WithThresholds(settings?.Thresholds?.ToThresholds() ?? []);
        var context = LoadRunner.RegisterScenarios(scenario).WithTestName(name).WithOutput(stdout) with
        {
            Tolerances = settings?.BaselineTolerances,
            ErrorOutput = stderr,
        };
        var node = await request.Apply(context).MergeAsync(request.Folders, cancellationToken).ConfigureAwait(false);
        return node.ExitCode;
    }

    private async Task<int> ServeEchoAsync(string[] args, CancellationToken cancellationToken)
    {
        var port = new Option<int>("--port") { DefaultValueFactory = _ => 5080 };
        var latency = new Option<double>("--latency-ms") { DefaultValueFactory = _ => 0 };
        var lifetime = new Option<string>("--for") { DefaultValueFactory = _ => "10m" };
        var parsed = new RootCommand { port, latency, lifetime }.Parse(args);
        if (parsed.Errors.Count > 0)
            return await Usage(parsed.Errors[0].Message).ConfigureAwait(false);
        return await EchoServer.ServeAsync(parsed.GetValue(port), TimeSpan.FromMilliseconds(parsed.GetValue(latency)),
            DurationText.Parse(parsed.GetValue(lifetime)!, "--for"), stderr, cancellationToken).ConfigureAwait(false);
    }

    private int BenchBody(string[] args)
    {
        var seed = args is ["--seed", var text] && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        stdout.WriteLine(CfarOfferFixedScenario.Body(seed));
        return ExitCodes.Ok;
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
