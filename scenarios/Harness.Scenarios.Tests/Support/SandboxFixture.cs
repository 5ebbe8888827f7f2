namespace Harness.Scenarios.Tests.Support;

/// <summary>
/// One in-process sandbox for one test class (each class takes it as its IClassFixture). Seeds come from HARNESS_SEED
/// when set, else are random, and are printed with every run.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private ScenarioTarget? _target;

    public ScenarioTarget Target => _target ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>Only HARNESS_SEED is read here: these tests always run on the sandbox, whatever the target variables say.</summary>
    public int? ConfiguredSeed { get; } = HarnessSettings.Load(
        AppContext.BaseDirectory,
        name => name == HarnessSettings.SeedVariable ? Environment.GetEnvironmentVariable(name) : null).Seed;

    public async Task InitializeAsync() => _target = await ScenarioTarget.StartSandboxAsync();

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    /// <summary>A context seeded from HARNESS_SEED or at random; the seed is written to the test output.</summary>
    public JourneyContext NewContext(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seed = ConfiguredSeed ?? Random.Shared.Next();
        output.WriteLine($"Target: {Target}. Seed {seed} (reproduce with HARNESS_SEED={seed}).");
        return Target.NewContext(seed);
    }

    /// <summary>Runs the journey with the step log in the test output; a fresh context unless one is given.</summary>
    public async Task<(JourneyResult Result, JourneyContext Context)> RunAsync(Journey journey, ITestOutputHelper output, JourneyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        context ??= NewContext(output);
        var result = await Target.CreateRunner(output.WriteLine).RunAsync(journey, context);
        return (result, context);
    }

    /// <summary>Runs the journey and fails the test with the runner's message (journey, step, expected, actual, seed).</summary>
    public async Task<JourneyContext> RunToSuccessAsync(Journey journey, ITestOutputHelper output, JourneyContext? context = null)
    {
        var (result, used) = await RunAsync(journey, output, context);
        result.ThrowIfFailed();
        return used;
    }

    /// <summary>
    /// Runs a journey whose last step is an expected refusal: the journey must succeed, and its last step must have
    /// answered <paramref name="refusal"/> (status and code, e.g. "422 contract_closed").
    /// </summary>
    public async Task<JourneyContext> RunToRefusalAsync(Journey journey, ITestOutputHelper output, string refusal, JourneyContext? context = null)
    {
        var (result, used) = await RunAsync(journey, output, context);
        result.Succeeded.Should().BeTrue(result.Failure?.Message);
        result.Steps[^1].Actual.Should().StartWith(refusal);
        return used;
    }

    /// <summary>The sandbox's own record of a contract's status, independent of what the client parsed.</summary>
    public string? StatusInSandbox(string contractId) => Target.Sandbox!.State.ContractStatus(contractId);
}
