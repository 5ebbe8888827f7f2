namespace Harness.Contracts.Support;

public sealed class StagedPactFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("harness-staged-").FullName;
    private readonly StagedPactFile _file;

    public StagedPactFileTests()
    {
        // No such variables: the consumer is unique to this test, so its staging folder is too.
        _file = new StagedPactFile("HARNESS_TEST_NO_SUCH_VARIABLE", "staged-" + Guid.NewGuid().ToString("N"), "HARNESS_TEST_NO_SUCH_VARIABLE", "provider", _folder);
        _file.Prepare();
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_file.StagingDir, recursive: true);
    }

    [Fact]
    public void Publish_StagedHoldsEveryPublishedInteractionAndANewOne_ReplacesThePublishedPact()
    {
        Write(_file.PactFile, ("a request", null));
        Write(_file.StagedFile, ("a request", null), ("a new request", "a session exists"));

        _file.Publish(everyTestRan: false);

        StagedPactFile.Interactions(_file.PactFile).Should().Equal("a request", "a new request [given a session exists {}]");
    }

    [Fact]
    public void Publish_EveryTestRanButOneInteractionMissing_ThrowsNamingItAndKeepsThePublishedPact()
    {
        Write(_file.PactFile, ("a request", null), ("a request given a state", "a session exists"));
        Write(_file.StagedFile, ("a request", null));
        var before = File.ReadAllText(_file.PactFile);

        var publish = () => _file.Publish(everyTestRan: true);

        publish.Should().Throw<InvalidOperationException>()
            .WithMessage("*did not produce 1 of its interactions*a request given a state [given a session exists {}]*HARNESS_PACT_PRUNE=true*");
        File.ReadAllText(_file.PactFile).Should().Be(before);
    }

    [Fact]
    public void Publish_FilteredRunMissingInteractions_KeepsThePublishedPactWithoutFailing()
    {
        Write(_file.PactFile, ("a request", null), ("another request", null));
        Write(_file.StagedFile, ("a request", null));
        var before = File.ReadAllText(_file.PactFile);

        _file.Publish(everyTestRan: false);

        File.ReadAllText(_file.PactFile).Should().Be(before);
    }

    [Fact]
    public void Publish_SameStateDifferentParameters_AreDifferentInteractions()
    {
        Write(_file.PactFile, ("a request", "a session exists"));
        Write(_file.StagedFile, ("a request", "a session exists"));
        var staged = JsonNode.Parse(File.ReadAllText(_file.StagedFile))!;
        staged["interactions"]![0]!["providerStates"]![0]!["params"] = new JsonObject { ["session_id"] = "other" };
        File.WriteAllText(_file.StagedFile, staged.ToJsonString());

        _file.MissingInteractions().Should().Equal("a request [given a session exists {}]");
    }

    [Fact]
    public void Publish_SecondCall_DoesNothing()
    {
        Write(_file.StagedFile, ("a request", null));
        _file.Publish(everyTestRan: true);
        Write(_file.StagedFile, ("a request", null), ("a later request", null));

        _file.Publish(everyTestRan: true);

        StagedPactFile.Interactions(_file.PactFile).Should().Equal("a request");
    }

    [Fact]
    public void RunsEveryTest_CollectionThisRunDoesNotKnow_IsFalse() =>
        ContractRunPlan.RunsEveryTest("no such collection").Should().BeFalse();

    private static void Write(string path, params (string Description, string? State)[] interactions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var list = new JsonArray([.. interactions.Select(i => (JsonNode)new JsonObject
        {
            ["description"] = i.Description,
            ["providerStates"] = i.State is null ? new JsonArray() : new JsonArray(new JsonObject { ["name"] = i.State, ["params"] = new JsonObject() }),
        })]);
        File.WriteAllText(path, new JsonObject { ["interactions"] = list }.ToJsonString());
    }
}
