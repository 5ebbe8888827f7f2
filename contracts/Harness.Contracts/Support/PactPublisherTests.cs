namespace Harness.Contracts.Support;

public sealed class PactPublisherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("harness-contracts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Publish_OverExistingPact_ReplacesItAndLeavesNoTemporaryFile()
    {
        var staged = Path.Combine(_folder, "staged.json");
        var target = Path.Combine(_folder, "pacts", "consumer-provider.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "{\"old\":true}");
        File.WriteAllText(staged, "{\"new\":true}");

        PactPublisher.Publish(staged, target);

        File.ReadAllText(target).Should().Be("{\"new\":true}");
        Directory.GetFiles(Path.GetDirectoryName(target)!).Should().ContainSingle().Which.Should().Be(target);
    }

    [Fact]
    public void Publish_WithoutStagedFile_ThrowsAndKeepsTarget()
    {
        var target = Path.Combine(_folder, "consumer-provider.json");
        File.WriteAllText(target, "{\"old\":true}");

        var publish = () => PactPublisher.Publish(Path.Combine(_folder, "missing.json"), target);

        publish.Should().Throw<FileNotFoundException>().WithMessage("*No staged pact file*missing.json*");
        File.ReadAllText(target).Should().Be("{\"old\":true}");
    }
}
