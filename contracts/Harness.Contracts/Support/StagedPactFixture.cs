namespace Harness.Contracts.Support;

/// <summary>
/// What every pact fixture of this project does: one <see cref="StagedPactFile"/> for its collection, prepared before
/// the first test and published after the last (only when <see cref="ContractRunPlan"/> says the whole collection ran),
/// and pact builders that merge into its staging folder with the API's own JSON options.
/// </summary>
public abstract class StagedPactFixture(StagedPactFile file, JsonSerializerOptions jsonOptions, string collection) : IAsyncLifetime
{
    public StagedPactFile File { get; } = file;

    public virtual Task InitializeAsync()
    {
        File.Prepare();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        File.Publish(ContractRunPlan.RunsEveryTest(collection));
        return Task.CompletedTask;
    }

    /// <summary>An HTTP pact builder on the staging folder.</summary>
    public IPactBuilderV4 NewPact() => CreatePact();

    /// <summary>A pact on the staging folder, for HTTP or (<c>WithMessageInteractions</c>) message interactions.</summary>
    protected Pact.Pact CreatePact() => Pact.Pact.V4(File.Consumer, File.Provider, new PactConfig
    {
        PactDir = File.StagingDir,
        DefaultJsonSettings = jsonOptions,
    });
}
