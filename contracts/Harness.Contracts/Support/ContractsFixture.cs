namespace Harness.Contracts.Support;

/// <summary>
/// One pact for the whole run (consumer "airline-partner", provider "hts-airlines-api"; HARNESS_PACT_CONSUMER and
/// HARNESS_PACT_PROVIDER override them). Every test merges into a private staging folder; at the end the staged pact is
/// published into contracts/pacts, atomically, when it holds every interaction of the published one (see
/// <see cref="StagedPactFile"/>): a failed or filtered run never publishes a partial pact, and on a run of every test a
/// pact that cannot be published fails the run, naming the missing interactions.
/// </summary>
public sealed class ContractsFixture() : StagedPactFixture(
    new StagedPactFile("HARNESS_PACT_CONSUMER", DefaultConsumer, "HARNESS_PACT_PROVIDER", DefaultProvider),
    AirlineJson.Options,
    ContractsCollection.Name)
{
    public const string DefaultConsumer = "airline-partner";
    public const string DefaultProvider = "hts-airlines-api";

    public string Consumer => File.Consumer;

    public string Provider => File.Provider;

    /// <summary>The published pact file of this consumer and provider.</summary>
    public string PactFile => File.PactFile;
}

/// <summary>All contract tests share one pact file, so they run in one (sequential) collection.</summary>
[CollectionDefinition(Name)]
public sealed class ContractsCollection : ICollectionFixture<ContractsFixture>
{
    public const string Name = "Contracts";
}
