namespace Harness.Load;

/// <summary>The report files a run can write. Json is Harness's summary.json (also the baseline format).</summary>
public enum ReportFormat
{
    Txt = 0,
    Html = 1,
    Csv = 2,
    Md = 3,
    Json = 4,
}

public enum OperationType
{
    None = 0,
    Init = 1,
    WarmUp = 2,
    Bombing = 3,
    Stop = 4,
    Complete = 5,
}

/// <summary>Counts: how many, their share of all, and per second over the measured window.</summary>
public sealed record RequestStats(int Count, double Percent, double RPS);

public sealed record LatencyCount(int LessOrEq800, int More800Less1200, int MoreOrEq1200);

/// <summary>Latency in milliseconds. Percent999 is Harness's addition.</summary>
public sealed record LatencyStats(
    double MinMs,
    double MeanMs,
    double MaxMs,
    double Percent50,
    double Percent75,
    double Percent95,
    double Percent99,
    double StdDev,
    LatencyCount LatencyCount)
{
    public double Percent999 { get; init; }
}

public sealed record DataTransferStats(long MinBytes, long MeanBytes, long MaxBytes, long AllBytes);

public sealed record StatusCodeStats(string StatusCode, bool IsError, string Message, int Count, double Percent);

/// <summary>
/// Ok or failed measurements. <see cref="Latency"/> is measured from each iteration's <b>intended</b> start (corrected for
/// coordinated omission: what a user arriving on schedule saw); <see cref="ServiceTime"/> from its actual start. In the
/// closed model they are equal.
/// </summary>
public sealed record MeasurementStats(RequestStats Request, LatencyStats Latency, DataTransferStats DataTransfer, StatusCodeStats[] StatusCodes)
{
    public required LatencyStats ServiceTime { get; init; }
}

public sealed record StepStats(string StepName, MeasurementStats Ok, MeasurementStats Fail, int SortIndex);

public sealed record LoadSimulationStats(string SimulationName, double Value);

/// <summary>One scenario's statistics: its iterations (Ok/Fail) and its steps; plus what NBomber lacks (rates, late, dropped).</summary>
public sealed record ScenarioStats(
    string ScenarioName,
    MeasurementStats Ok,
    MeasurementStats Fail,
    StepStats[] StepStats,
    LoadSimulationStats LoadSimulationStats,
    OperationType CurrentOperation,
    int AllRequestCount,
    int AllOkCount,
    int AllFailCount,
    long AllBytes,
    TimeSpan Duration)
{
    /// <summary>"open" or "closed".</summary>
    public string Model { get; init; } = "open";

    /// <summary>Open model: arrivals per second the plan asked for in the measured window (0 for closed).</summary>
    public double TargetRate { get; init; }

    /// <summary>Iterations started per second over the window they actually took.</summary>
    public double AchievedRate { get; init; }

    /// <summary>Iterations that started more than 1 ms after their intended time.</summary>
    public long Late { get; init; }

    /// <summary>Arrivals never started because the in-flight cap and the backlog were both full.</summary>
    public long Dropped { get; init; }

    public LatencyStats? Lateness { get; init; }

    public StepStats GetStepStats(string stepName) => StepStats.Get(stepName);
}

/// <summary>A report file the run wrote.</summary>
public sealed record ReportFile(string FilePath, ReportFormat ReportFormat);

/// <summary>What <c>LoadRunner…Run()</c> returns: every scenario's statistics, the thresholds' results, the report files.</summary>
public sealed record NodeStats(
    ScenarioStats[] ScenarioStats,
    ThresholdResult[] Thresholds,
    TestInfo TestInfo,
    NodeInfo NodeInfo,
    ReportFile[] ReportFiles,
    int AllRequestCount,
    int AllOkCount,
    int AllFailCount,
    long AllBytes,
    TimeSpan Duration)
{
    /// <summary>"pass", "fail" (threshold or baseline), "sanity_failed" (an open scenario fell below 99 % of its rate), "incomplete" (stopped) or "usage_error".</summary>
    public string Verdict { get; init; } = "pass";

    /// <summary>0 pass, 1 threshold/baseline failed, 2 usage error, 3 sanity failed, 130 stopped: return it from Main.</summary>
    public int ExitCode { get; init; }

    /// <summary>Why the run stopped early (StopCurrentTest, an aborting threshold, Ctrl-C), else null.</summary>
    public string? StopReason { get; init; }

    public ScenarioStats GetScenarioStats(string scenarioName) => ScenarioStats.Get(scenarioName);
}

/// <summary>NBomber's Get/Find/Exists on the stats arrays.</summary>
public static class StatsExtensions
{
    public static ScenarioStats Get(this ScenarioStats[] stats, string name) =>
        Find(stats, name) ?? throw new KeyNotFoundException($"Scenario: '{name}' is not found.");

    public static ScenarioStats? Find(this ScenarioStats[] stats, string name) =>
        Array.Find(stats ?? throw new ArgumentNullException(nameof(stats)), s => s.ScenarioName == name);

    public static bool Exists(this ScenarioStats[] stats, string name) => Find(stats, name) is not null;

    public static StepStats Get(this StepStats[] stats, string name) =>
        Find(stats, name) ?? throw new KeyNotFoundException($"Step: '{name}' is not found.");

    public static StepStats? Find(this StepStats[] stats, string name) =>
        Array.Find(stats ?? throw new ArgumentNullException(nameof(stats)), s => s.StepName == name);

    public static bool Exists(this StepStats[] stats, string name) => Find(stats, name) is not null;

    public static StatusCodeStats Get(this StatusCodeStats[] stats, string statusCode) =>
        Find(stats, statusCode) ?? throw new KeyNotFoundException($"Status code: '{statusCode}' is not found.");

    public static StatusCodeStats? Find(this StatusCodeStats[] stats, string statusCode) =>
        Array.Find(stats ?? throw new ArgumentNullException(nameof(stats)), s => s.StatusCode == statusCode);

    public static bool Exists(this StatusCodeStats[] stats, string statusCode) => Find(stats, statusCode) is not null;
}
