namespace Harness.Contracts.Atlas;

/// <summary>
/// The Atlas HTTP pact (consumer "airline-partner", provider "atlas-notifications-api"; HARNESS_ATLAS_PACT_CONSUMER and
/// HARNESS_ATLAS_PACT_PROVIDER override them), staged and published like the airline pact.
/// </summary>
public sealed class AtlasContractsFixture() : StagedPactFixture(
    new StagedPactFile("HARNESS_ATLAS_PACT_CONSUMER", DefaultConsumer, "HARNESS_ATLAS_PACT_PROVIDER", DefaultProvider),
    AtlasJson.Options,
    AtlasContractsCollection.Name)
{
    public const string DefaultConsumer = "airline-partner";
    public const string DefaultProvider = "atlas-notifications-api";
}

/// <summary>The Atlas HTTP contract tests share one pact file, so they run in one (sequential) collection.</summary>
[CollectionDefinition(Name)]
public sealed class AtlasContractsCollection : ICollectionFixture<AtlasContractsFixture>
{
    public const string Name = "Atlas contracts";
}
