namespace Harness.Coverage;

/// <summary>Where the matrix's inputs live in the repository, and which specs it covers.</summary>
public static class CoverageSources
{
    /// <summary>The provider name the Airline API pacts carry.</summary>
    public const string AirlineProvider = "hts-airlines-api";

    public static string AirlineSpecPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "spec", "hopper-airlines-openapi.yml");

    public static string PactDirectory(string repoRoot) => Path.Combine(repoRoot, "contracts", "pacts");

    public static string CoverageMarkdownPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "COVERAGE.md");

    public static string AtlasReferencePath(string repoRoot) => Path.Combine(repoRoot, "contracts", "spec", "atlas-notifications.md");

    /// <summary>Every HTTP spec the matrix covers: the Airline API and the Atlas notifications API.</summary>
    public static IReadOnlyList<ApiSpec> Specs(string repoRoot) =>
    [
        OpenApiSpecReader.Read(AirlineSpecPath(repoRoot), AirlineProvider),
        AtlasSpec.Read(AtlasReferencePath(repoRoot)),
    ];

    /// <summary>Every message spec the matrix covers: Atlas's webhook notifications.</summary>
    public static IReadOnlyList<MessageSpec> MessageSpecs { get; } = [AtlasSpec.Messages];

    /// <summary>The matrix of the repository's specs and the pacts in its contracts/pacts.</summary>
    public static CoverageMatrix Build(string repoRoot, string? pactDirectory = null) =>
        CoverageMatrix.Build(Specs(repoRoot), PactFile.LoadDirectory(pactDirectory ?? PactDirectory(repoRoot)), MessageSpecs);

    /// <summary>The folder holding Harness.sln, searched upwards from <paramref name="start"/>.</summary>
    public static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Harness.sln found in {start} or above it; pass --repo.");
    }
}
