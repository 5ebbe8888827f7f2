namespace Harness.Contracts.Atlas;

// The last test of each Atlas contracts collection publishes its pact, as Support/PactPublishedTests.cs does for the
// airline pact (in this namespace, so that a filter on Harness.Contracts.Atlas runs them too).

[Collection(AtlasContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AtlasPactPublishedTests(AtlasContractsFixture fixture)
{
    [Fact]
    public void PactFile_AfterEveryContractTest_IsPublishedWhole() =>
        fixture.File.Publish(ContractRunPlan.RunsEveryTest(AtlasContractsCollection.Name));
}

[Collection(AtlasMessageContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AtlasMessagePactPublishedTests(AtlasMessageContractsFixture fixture)
{
    [Fact]
    public void PactFile_AfterEveryContractTest_IsPublishedWhole() =>
        fixture.File.Publish(ContractRunPlan.RunsEveryTest(AtlasMessageContractsCollection.Name));
}
