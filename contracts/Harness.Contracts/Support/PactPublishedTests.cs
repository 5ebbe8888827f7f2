namespace Harness.Contracts.Support;

// The last test of each contracts collection publishes its pact (StagedPactFile.Publish). On a run of every test it
// fails, naming the interactions the run did not produce, when the pact cannot be published; on a filtered run it only
// notes that the pact was left unchanged. When a filter leaves it out, the collection fixture's dispose publishes instead.

[Collection(ContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AirlinePactPublishedTests(ContractsFixture fixture)
{
    [Fact]
    public void PactFile_AfterEveryContractTest_IsPublishedWhole() =>
        fixture.File.Publish(ContractRunPlan.RunsEveryTest(ContractsCollection.Name));
}
