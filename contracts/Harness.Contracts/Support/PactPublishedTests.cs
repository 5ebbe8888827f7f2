namespace Harness.Contracts.Support;

/// <summary>
/// The last test of a contracts collection publishes its pact (<see cref="StagedPactFile.Publish"/>). On a run of every
/// test it fails, naming the interactions the run did not produce, when the pact cannot be published; on a filtered
/// run it only notes that the pact was left unchanged. When a filter leaves it out, the collection fixture's dispose
/// publishes instead. Each collection derives one class, marked [Collection] and [RunsLastInCollection].
/// </summary>
public abstract class PactPublishedTest(StagedPactFile file, string collection)
{
    [Fact]
    public void PactFile_AfterEveryContractTest_IsPublishedWhole() => file.Publish(ContractRunPlan.RunsEveryTest(collection));
}

[Collection(ContractsCollection.Name)]
[RunsLastInCollection]
public sealed class AirlinePactPublishedTests(ContractsFixture fixture) : PactPublishedTest(fixture.File, ContractsCollection.Name);
