using System.Reflection;
using Harness.Client.Serialization;

namespace Harness.Contracts.Support;

/// <summary>
/// One pact for the whole run. Every test writes (merges) into a private staging folder; only when every contract test
/// of the assembly has verified is the finished pact moved into contracts/pacts, atomically (temp file + rename), so a
/// concurrent reader never sees a torn file, a failed or filtered run never publishes a partial pact, and interactions
/// that no test produces any more never survive.
/// </summary>
public sealed class ContractsFixture : IAsyncLifetime
{
    public const string DefaultConsumer = "airline-partner";
    public const string DefaultProvider = "hts-airlines-api";

    private readonly int expectedTests = CountContractTests();
    private int verifiedTests;

    public ContractsFixture()
    {
        Consumer = Setting("HARNESS_PACT_CONSUMER", DefaultConsumer);
        Provider = Setting("HARNESS_PACT_PROVIDER", DefaultProvider);
        StagingDir = Path.Combine(AppContext.BaseDirectory, "pacts-staging");
        PactDir = PactTools.DefaultPactDir;
    }

    public string Consumer { get; }

    public string Provider { get; }

    /// <summary>Where the tests merge interactions while the run lasts.</summary>
    public string StagingDir { get; }

    /// <summary>contracts/pacts under the repository root: where finished pacts are published.</summary>
    public string PactDir { get; }

    /// <summary>The published pact file of this consumer and provider.</summary>
    public string PactFile => Path.Combine(PactDir, FileName);

    private string FileName => $"{Consumer}-{Provider}.json";

    public IPactBuilderV4 NewPact() => Pact.Pact.V4(Consumer, Provider, new PactConfig
    {
        PactDir = StagingDir,
        DefaultJsonSettings = AirlineJson.Options,
    });

    /// <summary>Called by a test after its interactions verified and were merged into the staging pact.</summary>
    public void RecordVerified() => Interlocked.Increment(ref verifiedTests);

    public Task InitializeAsync()
    {
        if (Directory.Exists(StagingDir))
        {
            Directory.Delete(StagingDir, recursive: true);
        }

        Directory.CreateDirectory(StagingDir);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        var staged = Path.Combine(StagingDir, FileName);
        if (verifiedTests != expectedTests || !File.Exists(staged))
        {
            // A partial pact would silently drop interactions the provider has promised; keep the last complete one.
            Console.Error.WriteLine(
                $"Contracts: {verifiedTests} of {expectedTests} contract tests verified; {PactFile} was left unchanged.");
            return Task.CompletedTask;
        }

        PactPublisher.Publish(staged, PactFile);
        return Task.CompletedTask;
    }

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : fallback;

    private static int CountContractTests() =>
        typeof(ContractsFixture).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ContractTest)) && !type.IsAbstract)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Count(method => method.GetCustomAttribute<FactAttribute>() is not null);
}

/// <summary>All contract tests share one pact file, so they run in one (sequential) collection.</summary>
[CollectionDefinition(Name)]
public sealed class ContractsCollection : ICollectionFixture<ContractsFixture>
{
    public const string Name = "Contracts";
}
