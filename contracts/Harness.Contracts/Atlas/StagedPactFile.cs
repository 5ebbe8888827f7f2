namespace Harness.Contracts.Atlas;

/// <summary>
/// The staging half of a contracts fixture, as <see cref="ContractsFixture"/> does it for the airline pact: tests merge
/// into a private staging folder, and only a run in which every expected test verified publishes the finished pact
/// into contracts/pacts (atomically), so a failed or filtered run never leaves a partial pact behind.
/// </summary>
public sealed class StagedPactFile
{
    private readonly int expectedTests;
    private int verifiedTests;

    /// <param name="consumerVariable">Environment variable that overrides <paramref name="defaultConsumer"/>.</param>
    /// <param name="providerVariable">Environment variable that overrides <paramref name="defaultProvider"/>.</param>
    /// <param name="expectedTests">How many tests must verify before the pact is published.</param>
    public StagedPactFile(string consumerVariable, string defaultConsumer, string providerVariable, string defaultProvider, int expectedTests)
    {
        Consumer = Setting(consumerVariable, defaultConsumer);
        Provider = Setting(providerVariable, defaultProvider);
        this.expectedTests = expectedTests;
        StagingDir = Path.Combine(AppContext.BaseDirectory, "pacts-staging-" + Consumer + "-" + Provider);
        PactDir = PactTools.DefaultPactDir;
    }

    public string Consumer { get; }

    public string Provider { get; }

    public string StagingDir { get; }

    public string PactDir { get; }

    /// <summary>The published pact file of this consumer and provider.</summary>
    public string PactFile => Path.Combine(PactDir, FileName);

    private string FileName => $"{Consumer}-{Provider}.json";

    public void RecordVerified() => Interlocked.Increment(ref verifiedTests);

    public void Prepare()
    {
        if (Directory.Exists(StagingDir))
        {
            Directory.Delete(StagingDir, recursive: true);
        }

        Directory.CreateDirectory(StagingDir);
    }

    public void PublishIfComplete()
    {
        var staged = Path.Combine(StagingDir, FileName);
        if (verifiedTests != expectedTests || !File.Exists(staged))
        {
            Console.Error.WriteLine($"Contracts: {verifiedTests} of {expectedTests} tests of {FileName} verified; {PactFile} was left unchanged.");
            return;
        }

        PactPublisher.Publish(staged, PactFile);
    }

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : fallback;
}
