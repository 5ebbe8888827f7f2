namespace Harness.Load.Tests.Support;

/// <summary>Runs one scenario on the engine directly, for tests that set engine-only knobs (backlog size, in-flight cap).</summary>
internal static class EngineRun
{
    public static async Task<RunOutcome> RunAsync(ScenarioProps props, LoadPlan plan, Func<RunOptions, RunOptions>? configure = null, CancellationToken stop = default)
    {
        var run = new RunContext(new TestInfo("test", "suite", "name"), NullLogger.Instance, null, 1, []);
        var runtime = new ScenarioRuntime(props, plan, run, stop);
        run.Scenarios = [runtime];
        if (props.Init is { } init)
            await init(runtime);
        var options = new RunOptions([runtime], plan);
        var outcomes = await new ScenarioEngine(configure?.Invoke(options) ?? options).RunAsync();
        return outcomes.Single();
    }

    /// <summary>A context that runs quietly, writes no reports and leaves Ctrl-C to the test host.</summary>
    public static LoadRunnerContext Quiet(this LoadRunnerContext context) =>
        context.WithoutReports().WithOutput(TextWriter.Null, quiet: true) with { HandleSignals = false };
}
