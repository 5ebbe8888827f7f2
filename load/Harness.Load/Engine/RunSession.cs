using System.Globalization;
using System.Runtime.InteropServices;
using Harness.Load.Reports;
using Harness.Load.Targets;
using Microsoft.Extensions.Logging;

namespace Harness.Load.Engine;

/// <summary>
/// One run of a <see cref="LoadRunnerContext"/>: checks the target, runs Init, starts every scenario group's engine,
/// reports live (thresholds, sinks) every reporting interval, runs Clean, then decides the verdict and writes the
/// reports. Ctrl-C or SIGTERM stops the scenarios and the reports are still written, marked incomplete.
/// </summary>
internal static class RunSession
{
    public static NodeStats Usage(LoadRunnerContext context, string message) =>
        Empty(context) with { Verdict = "usage_error", ExitCode = ExitCodes.Usage, StopReason = message };

    public static async Task<NodeStats> RunAsync(LoadRunnerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output ?? Console.Out;
        var agentErrors = context.ErrorOutput ?? Console.Error;
        try
        {
            context = ForAgent(context);
        }
        catch (ArgumentException ex)
        {
            await agentErrors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Usage(context, ex.Message);
        }

        var progress = context.ErrorOutput ?? Console.Error;
        var errors = context.ErrorOutput ?? Console.Error;
        try
        {
            CheckTarget(context);
        }
        catch (ArgumentException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Usage(context, ex.Message);
        }

        var logger = context.CreateLogger();
        var testInfo = new TestInfo(Guid.NewGuid().ToString("N")[..12], context.TestSuite, context.TestName);
        var observers = context.ReportingSinks.OfType<IMeasurementObserver>().ToArray();
        var run = new RunContext(testInfo, logger, context.Target, context.Seed, observers) { Partition = context.Shard.Partition };
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.StopAll.Token);
        var signalled = false;
        using var signals = context.HandleSignals ? new SignalHandler(() =>
        {
            signalled = true;
            run.StopTest("stopped by Ctrl-C or SIGTERM");
        }) : null;
        using var externalStop = cancellationToken.Register(() =>
        {
            signalled = true;
            run.StopTest("stopped by the caller's cancellation token");
        });

        List<(LoadPlan Plan, ScenarioRuntime[] Scenarios, ScenarioProps Lead)> groups;
        try
        {
            groups = BuildGroups(context, run, linked.Token);
        }
        catch (ArgumentException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return Usage(context, ex.Message);
        }

        var runtimes = groups.SelectMany(g => g.Scenarios).ToArray();
        run.Scenarios = runtimes;
        var baseline = context.BaselinePath is { } baselinePath
            ? await ReportWriter.ReadSummaryAsync(baselinePath, cancellationToken).ConfigureAwait(false)
            : null;

        // Init (not measured). A failed Init stops the test before any load, naming the scenario.
        foreach (var s in runtimes)
        {
            if (s.Props.Init is not { } init)
                continue;
            try
            {
                await init(s).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await CleanAsync(runtimes, logger).ConfigureAwait(false);
                var message = $"scenario '{s.Name}': Init failed, so no load was run: {ex.GetType().Name}: {ex.Message}";
                await errors.WriteLineAsync($"error: {message}").ConfigureAwait(false);
                return Usage(context, message) with { Verdict = "init_failed" };
            }
        }

        var baseContext = new BaseContext(testInfo, logger);
        foreach (var sink in context.ReportingSinks)
        {
            await sink.Init(baseContext, EmptyConfiguration.Instance).ConfigureAwait(false);
            await sink.Start(new SessionStartInfo(runtimes.Select((s, i) => new ScenarioStartInfo(s.Name, i)).ToArray())).ConfigureAwait(false);
        }

        if (!context.Quiet)
        {
            foreach (var (plan, scenarios, _) in groups)
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"running {string.Join(", ", scenarios.Select(s => $"'{s.Name}'"))} ({plan.Model} model) against {(context.Target is null ? "the scenarios' own targets" : SummaryBuilder.Redact(context.Target))} for {(plan.Duration is { } d ? DurationText(d) : "its iterations")}; Ctrl-C stops and still reports")).ConfigureAwait(false);
            }
        }

        var time = context.Time;
        var engines = groups.Select((g, i) => new ScenarioEngine(new RunOptions(g.Scenarios, g.Plan)
        {
            Seed = context.Seed,
            MaxInFlight = g.Lead.MaxInFlight,
            Progress = context.Quiet ? null : p => progress.WriteLine(ProgressLine(p)),
            Time = time,
            Pacer = context.Observer?.Pacer(i),
        })).ToArray();
        if (StartDelay(context.StartAt, time.GetUtcNow()) is { } wait)
        {
            if (!context.Quiet)
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{context.Shard}: waiting {wait.TotalSeconds:0.###} s for --start-at {context.StartAt:O}")).ConfigureAwait(false);
            try
            {
                // Timers may fire a little early against the wall clock: wait again until the instant has passed.
                for (var left = wait; left > TimeSpan.Zero; left = StartDelay(context.StartAt, time.GetUtcNow()) ?? TimeSpan.Zero)
                {
                    var wake = time.GetUtcNow() + left + TimeSpan.FromMilliseconds(1);
                    var delay = Task.Delay(left + TimeSpan.FromMilliseconds(1), time, linked.Token);
                    context.Observer?.WaitingUntil(wake); // once the timer exists: the driver may move the clock from now on
                    await delay.ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped while waiting: the engines see the stop and report nothing run.
            }
        }

        var started = time.GetTimestamp();
        // The live-reporting loop's timer starts first, so a virtual clock's driver sees it before the engines run.
        using var reportingStop = new CancellationTokenSource();
        var liveInterval = context.ReportingSinks.Count > 0 || groups.Any(g => g.Scenarios.Any(s => s.Props.Thresholds.Count > 0))
            ? context.ReportingInterval
            : (TimeSpan?)null;
        var reporting = liveInterval is { } interval ? ReportLiveAsync(context, groups, engines, run, started, interval, reportingStop.Token) : Task.CompletedTask;
        context.Observer?.Starting(engines, liveInterval);
        var runs = engines.Select(e => Task.Run(e.RunAsync, CancellationToken.None)).ToArray();
        var outcomes = (await Task.WhenAll(runs).ConfigureAwait(false)).SelectMany(o => o).ToArray();
        await reportingStop.CancelAsync().ConfigureAwait(false);
        await reporting.ConfigureAwait(false);
        await CleanAsync(runtimes, logger).ConfigureAwait(false);

        // Final statistics, thresholds and verdicts.
        var scenarioStats = new List<ScenarioStats>();
        var thresholdResults = new List<ThresholdResult>();
        var reportFiles = new List<ReportFile>();
        var summaries = new List<RunSummary>();
        var folder = context.ReportFolder ?? DefaultFolder(context.TestName);
        foreach (var outcome in outcomes)
        {
            var s = outcome.Scenario;
            // The run's own output is what `merge` reads; the result is decided from it exactly as a merge decides N agents'.
            var own = AgentOutput.From(outcome with { Incomplete = signalled }, context.Shard, context.StartAt, context.Target);
            var stoppedByThreshold = run.StopReason is { } reason && reason.StartsWith("threshold", StringComparison.Ordinal);
            var result = TestResult.Decide(own, null, s.Thresholds, outcome.Elapsed, stoppedByThreshold,
                baseline is null ? null : (baseline, context.BaselinePath!), context.Tolerances);
            scenarioStats.Add(result.Stats);
            thresholdResults.AddRange(result.Thresholds);
            var summary = result.Summary;
            summaries.Add(summary);
            if (context.ReportFormats.Count > 0)
            {
                var dir = outcomes.Length == 1 ? folder : Path.Combine(folder, s.Name);
                var report = result.Report;
                reportFiles.AddRange(await result.WriteAsync(dir, context.ReportFormats, context.ReportFileName, CancellationToken.None).ConfigureAwait(false));
                if (!context.Quiet || context.Output is not null)
                    await output.WriteAsync(MarkdownReport.Render(report)).ConfigureAwait(false);
            }
        }

        if (baseline is not null && !summaries.Any(s => s.Profile == baseline.Profile))
            await errors.WriteLineAsync($"warning: baseline {context.BaselinePath} is for scenario '{baseline.Profile}', which did not run").ConfigureAwait(false);
        if (context.SaveBaselinePath is { } savePath && summaries.Count > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(savePath))!);
            await File.WriteAllTextAsync(savePath, ReportWriter.ToJson(summaries[0]), CancellationToken.None).ConfigureAwait(false);
            await progress.WriteLineAsync($"baseline saved to {savePath}").ConfigureAwait(false);
        }

        if (reportFiles.Count > 0)
            await output.WriteLineAsync($"\nreports: {Path.GetFullPath(folder)}").ConfigureAwait(false);

        var verdict = summaries.Select(s => s.Verdict).OrderBy(Severity).LastOrDefault() ?? "pass";
        var node = new NodeStats(
            [.. scenarioStats],
            [.. thresholdResults],
            testInfo,
            NodeInfo.Current,
            [.. reportFiles],
            scenarioStats.Sum(s => s.AllRequestCount),
            scenarioStats.Sum(s => s.AllOkCount),
            scenarioStats.Sum(s => s.AllFailCount),
            scenarioStats.Sum(s => s.AllBytes),
            time.GetElapsedTime(started))
        {
            Verdict = verdict,
            ExitCode = ExitCode(verdict),
            StopReason = run.StopReason ?? runtimes.Select(r => r.StopReason).FirstOrDefault(r => r is not null),
        };
        foreach (var sink in context.ReportingSinks)
        {
            await sink.SaveFinalStats(node).ConfigureAwait(false);
            await sink.Stop().ConfigureAwait(false);
        }

        foreach (var s in runtimes)
            s.DisposeStop();
        return node;
    }

    private static int Severity(string verdict) => verdict switch
    {
        "pass" => 0,
        "incomplete" => 1,
        "sanity_failed" => 2,
        _ => 3,
    };

    public static int ExitCode(string verdict) => verdict switch
    {
        "pass" => ExitCodes.Ok,
        "fail" => ExitCodes.ThresholdFailed,
        "sanity_failed" => ExitCodes.SanityFailed,
        "usage_error" or "init_failed" => ExitCodes.Usage,
        _ => ExitCodes.Cancelled,
    };

    /// <summary>
    /// Unweighted scenarios run each under their own plan; weighted ones (WithWeight) share the first weighted
    /// scenario's plan, each arrival going to one of them by weight.
    /// </summary>
    private static List<(LoadPlan, ScenarioRuntime[], ScenarioProps)> BuildGroups(LoadRunnerContext context, RunContext run, CancellationToken stop)
    {
        var groups = new List<(LoadPlan, ScenarioRuntime[], ScenarioProps)>();
        var runnable = context.Scenarios.Where(s => s.Run is not null).ToArray();
        var weighted = runnable.Where(s => s.Weight is not null).ToArray();
        foreach (var props in runnable.Where(s => s.Weight is null))
        {
            var plan = PlanFor(props, context.Seed);
            groups.Add((plan, [new ScenarioRuntime(props, plan, run, stop)], props));
        }

        if (weighted.Length > 0)
        {
            var plan = PlanFor(weighted[0], context.Seed);
            groups.Add((plan, weighted.Select(p => new ScenarioRuntime(p, plan, run, stop)).ToArray(), weighted[0]));
        }

        // Scenario.Empty: Init and Clean only, under no load.
        foreach (var props in context.Scenarios.Where(s => s.Run is null))
        {
            var plan = new LoadPlan([Simulation.Pause(TimeSpan.FromMilliseconds(1)), Simulation.Inject(rate: 0, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromMilliseconds(1))], TimeSpan.Zero);
            groups.Add((plan, [new ScenarioRuntime(props, plan, run, stop)], props));
        }

        return groups;
    }

    /// <summary>The scenario's simulations with its warm-up in front (the first simulation's shape, for the warm-up's length).</summary>
    internal static LoadPlan PlanFor(ScenarioProps props, int seed)
    {
        if (props.WarmUpIncluded || props.WarmUpDuration is not { } warmUp || warmUp <= TimeSpan.Zero)
            return new LoadPlan(props.LoadSimulations, props.WarmUpIncluded ? props.WarmUpDuration ?? TimeSpan.Zero : TimeSpan.Zero, seed);
        var first = props.LoadSimulations[0];
        LoadSimulation? warm = first switch
        {
            LoadSimulation.Inject i => new LoadSimulation.Inject(i.Rate, i.Interval, warmUp),
            LoadSimulation.RampingInject r => new LoadSimulation.Inject(r.Rate, r.Interval, warmUp),
            LoadSimulation.InjectRandom x => new LoadSimulation.Inject((x.MinRate + x.MaxRate) / 2, x.Interval, warmUp),
            LoadSimulation.IterationsForInject f => new LoadSimulation.Inject(f.Rate, f.Interval, warmUp),
            LoadSimulation.KeepConstant k => Simulation.KeepConstant(k.Copies, warmUp),
            LoadSimulation.RampingConstant r => Simulation.KeepConstant(r.Copies, warmUp),
            LoadSimulation.IterationsForConstant c => Simulation.KeepConstant(c.Copies, warmUp),
            _ => null,
        };
        return warm is null
            ? new LoadPlan(props.LoadSimulations, TimeSpan.Zero, seed)
            : new LoadPlan([warm, .. props.LoadSimulations], warmUp, seed);
    }

    /// <summary>This agent's share of the context: every scenario's simulations split, and the agent's own seed.</summary>
    internal static LoadRunnerContext ForAgent(LoadRunnerContext context)
    {
        var shard = context.Shard;
        if (shard.AgentCount == 1)
            return context;
        return context with
        {
            Seed = shard.Seed(context.Seed),
            Scenarios = context.Scenarios.Select(s => s with { LoadSimulations = [.. s.LoadSimulations.Select(shard.Apply)] }).ToArray(),
        };
    }

    /// <summary>How long to wait for <c>--start-at</c>; null when it is unset or already past (the agent's clock offset is reported).</summary>
    internal static TimeSpan? StartDelay(DateTimeOffset? startAt, DateTimeOffset now) =>
        startAt is { } at && at > now ? at - now : null;

    private static void CheckTarget(LoadRunnerContext context)
    {
        if (context.Target is not { } target || TargetPolicy.IsLoopback(target))
            return;
        TargetPolicy.Allow(target, context.AllowRemote, context.MaxRate, 0);
        foreach (var s in context.Scenarios.Where(s => s.Run is not null))
        {
            if (s.LoadSimulations.Any(x => x.IsClosed))
                throw new ArgumentException($"scenario '{s.ScenarioName}': a remote target takes only open-model load (Inject…), which --max-rate can cap; closed-model copies cannot be capped");
            var plan = PlanFor(s, context.Seed);
            var peak = plan.OpenPhases.Count == 0 ? 0 : plan.OpenPhases.Max(p => Math.Max(p.StartRate, p.EndRate));
            if (peak > context.MaxRate!.Value + 1e-9)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"scenario '{s.ScenarioName}' asks for up to {peak:0.##}/s, above --max-rate {context.MaxRate:0.##}/s for remote target {target.GetLeftPart(UriPartial.Authority)}"));
        }
    }

    private static async Task ReportLiveAsync(LoadRunnerContext context, List<(LoadPlan Plan, ScenarioRuntime[] Scenarios, ScenarioProps Lead)> groups,
        ScenarioEngine[] engines, RunContext run, long started, TimeSpan interval, CancellationToken stop)
    {
        var time = context.Time;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var elapsed = time.GetElapsedTime(started);
                var snapshot = new List<ScenarioStats>();
                for (var g = 0; g < groups.Count; g++)
                {
                    var (plan, scenarios, _) = groups[g];
                    var measured = elapsed - plan.WarmUp;
                    var operation = engines[g].WarmingUp ? OperationType.WarmUp : OperationType.Bombing;
                    foreach (var s in scenarios)
                    {
                        var stats = StatsBuilder.Scenario(s, measured > TimeSpan.Zero ? measured : TimeSpan.Zero, operation);
                        snapshot.Add(stats);
                        if (operation == OperationType.Bombing && s.Thresholds.Check(stats, elapsed, final: false) is { } abort)
                            run.StopTest(abort);
                    }
                }

                foreach (var sink in context.ReportingSinks)
                    await sink.SaveRealtimeStats([.. snapshot]).ConfigureAwait(false);
                context.Observer?.LiveReported();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private static async Task CleanAsync(IEnumerable<ScenarioRuntime> runtimes, ILogger logger)
    {
        foreach (var s in runtimes)
        {
            if (s.Props.Clean is not { } clean)
                continue;
            try
            {
                s.ScenarioInfo = s.ScenarioInfo with { ScenarioOperation = ScenarioOperation.Clean };
                await clean(s).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // As NBomber: a failing Clean is logged, the run's results stand.
                logger.LogWarning(ex, "scenario '{Scenario}': Clean failed", s.Name);
            }
        }
    }

    private static NodeStats Empty(LoadRunnerContext context) => new(
        [], [], new TestInfo("", context.TestSuite, context.TestName), NodeInfo.Current, [], 0, 0, 0, 0, TimeSpan.Zero);

    internal static string ProgressLine(ProgressSnapshot p)
    {
        var load = p.Draining ? "draining in-flight iterations"
            : p.Model == "open"
            ? string.Create(CultureInfo.InvariantCulture, $"rate {p.AchievedRate,6:0}/{p.TargetRate:0}/s")
            : string.Create(CultureInfo.InvariantCulture, $"copies {p.TargetRate:0} done {p.AchievedRate,6:0}/s");
        return string.Create(CultureInfo.InvariantCulture,
            $"[{p.Elapsed.TotalSeconds,5:0}s] {p.Scenario}: {load}  p99 {p.P99CorrectedMs,8:0.00} ms  errors {p.Errors}  in-flight {p.InFlight}{(p.WarmingUp ? "  (warm-up)" : "")}");
    }

    private static string DurationText(TimeSpan span) => Cli.DurationText.Format(span);

    private static string DefaultFolder(string testName)
    {
        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return Path.Combine("reports", $"{stamp}-{testName}");
    }

    private sealed class BaseContext(TestInfo testInfo, ILogger logger) : IBaseContext
    {
        public TestInfo TestInfo { get; } = testInfo;

        public ILogger Logger { get; } = logger;

        public NodeInfo GetNodeInfo() => NodeInfo.Current;
    }

    /// <summary>Ctrl-C and SIGTERM stop the run instead of the process, so the partial report is still written.</summary>
    private sealed class SignalHandler : IDisposable
    {
        private readonly Action _stop;
        private readonly PosixSignalRegistration? _sigterm;

        public SignalHandler(Action stop)
        {
            _stop = stop;
            Console.CancelKeyPress += OnCancel;
            try
            {
                _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    _stop();
                });
            }
            catch (PlatformNotSupportedException)
            {
                _sigterm = null;
            }
        }

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancel;
            _sigterm?.Dispose();
        }

        private void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            _stop();
        }
    }
}
