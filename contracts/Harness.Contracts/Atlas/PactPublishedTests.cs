namespace Harness.Contracts.Atlas;

// The Atlas collections' last tests (Support/PactPublishedTests.cs), in this namespace so that a filter on
// Harness.Contracts.Atlas runs them too.

[Collection(AtlasContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AtlasPactPublishedTests(AtlasContractsFixture fixture) : PactPublishedTest(fixture.File, AtlasContractsCollection.Name);

[Collection(AtlasMessageContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AtlasMessagePactPublishedTests(AtlasMessageContractsFixture fixture)
    : PactPublishedTest(fixture.File, AtlasMessageContractsCollection.Name);
