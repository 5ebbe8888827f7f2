namespace Harness.Coverage;

/// <summary>Where the matrix's inputs live in the repository, and which specs it covers.</summary>
public static class CoverageSources
{
    /// <summary>The provider name the Airline API pacts carry.</summary>
    public const string AirlineProvider = "hts-airlines-api";

    public static string AirlineSpecPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "spec", "hopper-airlines-openapi.yml");

    public static string PactDirectory(string repoRoot) => Path.Combine(repoRoot, "contracts", "pacts");

    public static string CoverageMarkdownPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "COVERAGE.md");

    /// <summary>
    /// Every spec the matrix covers. The Airline API today; the Atlas notifications API joins as a second entry
    /// (its own reader over contracts/spec/atlas-notifications.md, provider name of its pacts) once it has pacts.
    /// </summary>
    public static IReadOnlyList<ApiSpec> Specs(string repoRoot) =>
    [
        OpenApiSpecReader.Read(AirlineSpecPath(repoRoot), AirlineProvider),
    ];

    /// <summary>The matrix of the repository's specs and the pacts in its contracts/pacts.</summary>
    public static CoverageMatrix Build(string repoRoot, string? pactDirectory = null) =>
        CoverageMatrix.Build(Specs(repoRoot), PactFile.LoadDirectory(pactDirectory ?? PactDirectory(repoRoot)));

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
