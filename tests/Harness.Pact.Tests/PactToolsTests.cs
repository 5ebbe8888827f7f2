namespace Harness.Pact.Tests;

public sealed class PactToolsTests
{
    [Fact]
    public void RepoRoot_FindsFolderHoldingSolution()
    {
        File.Exists(Path.Combine(PactTools.RepoRoot, "Harness.sln")).Should().BeTrue();
        PactTools.DefaultPactDir.Should().Be(Path.Combine(PactTools.RepoRoot, "contracts", "pacts"));
    }

    [Fact]
    public void CliPath_PointsAtInstalledPactCli()
    {
        var cli = PactTools.CliPath;

        File.Exists(cli).Should().BeTrue();
        Path.GetFileName(cli).Should().Be("pact");
    }
}
