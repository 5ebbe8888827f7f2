using Harness.Load.Cli;
using Microsoft.Extensions.Logging;

namespace Harness.Load;

/// <summary>
/// The runner — NBomber's <c>NBomberRunner</c> under the one name Harness changes:
/// <c>LoadRunner.RegisterScenarios(scenario).WithReportFormats(…).Run()</c>.
/// </summary>
public static class LoadRunner
{
    public static LoadRunnerContext RegisterScenarios(params ScenarioProps[] scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Length == 0)
            throw new ArgumentException("register at least one scenario", nameof(scenarios));
        var duplicate = scenarios.GroupBy(s => s.ScenarioName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"scenario names must be unique: '{duplicate.Key}' is registered {duplicate.Count()} times", nameof(scenarios));
        return new LoadRunnerContext([.. scenarios]);
    }
}

/// <summary>What to run and how to report it. Immutable: every <c>With…</c> returns a new context.</summary>
public sealed record LoadRunnerContext
{
    internal LoadRunnerContext(IReadOnlyList<ScenarioProps> scenarios) => Scenarios = scenarios;

    public IReadOnlyList<ScenarioProps> Scenarios { get; init; }

    public string TestSuite { get; init; } = "harness_default_test_suite";

    public string TestName { get; init; } = "harness_default_test";

    /// <summary>Null: <c>./reports/&lt;yyyyMMdd-HHmmss&gt;-&lt;test name&gt;</c>.</summary>
    public string? ReportFolder { get; init; }

    public string ReportFileName { get; init; } = "report";

    public IReadOnlyList<ReportFormat> ReportFormats { get; init; } = Reports.ReportWriter.AllFormats;

    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<IReportingSink> ReportingSinks { get; init; } = [];

    /// <summary>Harness: the target scenarios read from their context (<c>--target</c>).</summary>
    public Uri? Target { get; init; }

    /// <summary>Harness: a non-loopback target needs this and a <see cref="MaxRate"/>.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Harness: the most iterations per second any open scenario may ask of a remote target.</summary>
    public double? MaxRate { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Harness: this agent's share of a distributed test (<c>--agents N --agent-index K</c>); one agent by default.</summary>
    public AgentShard Shard { get; init; } = AgentShard.Single;

    /// <summary>Harness: the UTC instant every agent starts its load at (<c>--start-at</c>), so their time series line up.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Harness: compare each scenario with this baseline (a saved summary.json of the same scenario).</summary>
    public string? BaselinePath { get; init; }

    public string? SaveBaselinePath { get; init; }

    /// <summary>Where the run's console summary and progress go (stderr for progress); null: the console.</summary>
    public TextWriter? Output { get; init; }

    public bool Quiet { get; init; }

    internal Verdicts.BaselineTolerances? Tolerances { get; init; }

    internal bool HandleSignals { get; init; } = true;

    /// <summary>Where errors go; null: stderr.</summary>
    internal TextWriter? ErrorOutput { get; init; }

    /// <summary>
    /// The clock every read and wait of the run goes through (the start delay, the elapsed time, the live-reporting timer,
    /// the engines and their dispatchers): the system's, or a fake one in the tests.
    /// </summary>
    internal TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A test's driver of a run on a fake <see cref="Time"/>; null in a real run.</summary>
    internal Engine.IRunObserver? Observer { get; init; }

    public LoadRunnerContext WithTestSuite(string testSuite) => this with { TestSuite = Required(testSuite, nameof(testSuite)) };

    public LoadRunnerContext WithTestName(string testName) => this with { TestName = Required(testName, nameof(testName)) };

    public LoadRunnerContext WithReportFolder(string reportFolderPath) => this with { ReportFolder = Required(reportFolderPath, nameof(reportFolderPath)) };

    public LoadRunnerContext WithReportFileName(string reportFileName) => this with { ReportFileName = Required(reportFileName, nameof(reportFileName)) };

    public LoadRunnerContext WithReportFormats(params ReportFormat[] reportFormats) =>
        this with { ReportFormats = [.. reportFormats ?? throw new ArgumentNullException(nameof(reportFormats))] };

    public LoadRunnerContext WithoutReports() => this with { ReportFormats = [] };

    public LoadRunnerContext WithReportingInterval(TimeSpan interval) =>
        interval < TimeSpan.FromMilliseconds(100)
            ? throw new ArgumentOutOfRangeException(nameof(interval), interval, "the reporting interval must be ≥ 100 ms")
            : this with { ReportingInterval = interval };

    public LoadRunnerContext WithReportingSinks(params IReportingSink[] reportingSinks) =>
        this with { ReportingSinks = [.. reportingSinks ?? throw new ArgumentNullException(nameof(reportingSinks))] };

    /// <summary>Harness: the target (loopback, or remote with <paramref name="allowRemote"/> and <paramref name="maxRate"/>).</summary>
    public LoadRunnerContext WithTarget(Uri target, bool allowRemote = false, double? maxRate = null) =>
        this with { Target = target ?? throw new ArgumentNullException(nameof(target)), AllowRemote = allowRemote, MaxRate = maxRate };

    public LoadRunnerContext WithSeed(int seed) => this with { Seed = seed };

    /// <summary>Harness: run agent <paramref name="agentIndex"/>'s share (of <paramref name="agentCount"/>) of every scenario.</summary>
    public LoadRunnerContext WithAgents(int agentCount, int agentIndex) => this with { Shard = new AgentShard(agentCount, agentIndex) };

    /// <summary>Harness: wait until <paramref name="startAt"/> (UTC) before starting the load.</summary>
    public LoadRunnerContext WithStartAt(DateTimeOffset startAt) => this with { StartAt = startAt.ToUniversalTime() };

    public LoadRunnerContext WithBaseline(string baselinePath) => this with { BaselinePath = Required(baselinePath, nameof(baselinePath)) };

    public LoadRunnerContext WithSaveBaseline(string path) => this with { SaveBaselinePath = Required(path, nameof(path)) };

    public LoadRunnerContext WithOutput(TextWriter output, bool quiet = false) =>
        this with { Output = output ?? throw new ArgumentNullException(nameof(output)), Quiet = quiet };

    /// <summary>Runs every scenario and returns their statistics (blocks; from async code use <see cref="RunAsync"/>).</summary>
    public NodeStats Run() => Task.Run(() => RunAsync(CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs with the command line applied (<c>--rate</c>, <c>--duration</c>, <c>--target</c>, <c>--baseline</c>…, see
    /// <c>--help</c>), so a partner's console app is a CLI: <c>return LoadRunner.RegisterScenarios(s).Run(args).ExitCode;</c>.
    /// <c>merge &lt;agent-dir&gt;… --out &lt;dir&gt;</c> merges a distributed test's agents instead (<see cref="MergeAsync"/>).
    /// </summary>
    public NodeStats Run(string[] args) => Task.Run(() => RunAsync(args, CancellationToken.None)).GetAwaiter().GetResult();

    public Task<NodeStats> RunAsync(CancellationToken cancellationToken = default) => Engine.RunSession.RunAsync(this, cancellationToken);

    public async Task<NodeStats> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["merge", .. var mergeArgs])
        {
            // merge <agent-dir>… --out <dir>: the agents' outputs with these scenarios' thresholds (see MergeAsync).
            if (MergeArgs.Parse(mergeArgs, out var mergeError) is not { } request)
            {
                await (ErrorOutput ?? Console.Error).WriteLineAsync($"error: {mergeError}").ConfigureAwait(false);
                return Engine.RunSession.Usage(this, mergeError!);
            }

            return await request.Apply(this).MergeAsync(request.Folders, cancellationToken).ConfigureAwait(false);
        }

        var parsed = RunArgs.Apply(this, args, out var error);
        if (parsed is null)
        {
            if (error is not null)
                await (ErrorOutput ?? Console.Error).WriteLineAsync(error).ConfigureAwait(false);
            return Engine.RunSession.Usage(this, error ?? "help");
        }

        return await Engine.RunSession.RunAsync(parsed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Harness: merges the outputs of a distributed test's agents (each <c>agent.json</c> folder a <c>run … --agents N</c>
    /// wrote) into one result, as exact as one machine's: counts summed, histograms merged bucket for bucket, series
    /// summed. The registered scenario of the agents' name gives the thresholds (so code thresholds are evaluated on the
    /// merged statistics); <see cref="BaselinePath"/>, <see cref="ReportFolder"/>, <see cref="ReportFormats"/> apply as
    /// for a run, and <see cref="NodeStats.ExitCode"/> is the run's (2 when the folders are not one test).
    /// </summary>
    public Task<NodeStats> MergeAsync(IReadOnlyList<string> agentFolders, CancellationToken cancellationToken = default) =>
        Engine.MergeSession.RunAsync(this, agentFolders, cancellationToken);

    private static string Required(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }

    internal ILogger CreateLogger() => new ConsoleLogger(Quiet ? LogLevel.Warning : LogLevel.Information);
}

/// <summary>The scenarios' ILogger: one line per message on stderr.</summary>
internal sealed class ConsoleLogger(LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
            return;
        Console.Error.WriteLine($"[{logLevel}] {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
    }
}
