using Harness.ApiFacts;

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
        AirlineSpec(repoRoot),
        AtlasSpec.Read(AtlasReferencePath(repoRoot)),
    ];

    /// <summary>
    /// The Airline API: its rows are the operation table's (<see cref="AirlineOperations"/>), in its order; the spec
    /// gives each one's declared response codes.
    /// </summary>
    public static ApiSpec AirlineSpec(string repoRoot) => WithTableRows(OpenApiSpecReader.Read(AirlineSpecPath(repoRoot), AirlineProvider));

    /// <summary>
    /// <paramref name="spec"/> with the operation table's rows. Throws naming each operation the two do not agree on
    /// (missing from either, or another method or path): the matrix never silently drops or invents a row.
    /// </summary>
    public static ApiSpec WithTableRows(ApiSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var byId = spec.Operations.ToDictionary(o => o.OperationId, StringComparer.Ordinal);
        var disagreements = AirlineOperations.All
            .Where(o => !byId.TryGetValue(o.OperationId, out var s) || s.Method != o.Method || s.PathTemplate != o.PathTemplate)
            .Select(o => $"{o} is not in the spec as such")
            .Concat(spec.Operations.Where(s => AirlineOperations.All.All(o => o.OperationId != s.OperationId)).Select(s => $"{s.Method} {s.PathTemplate} ({s.OperationId}) is not in AirlineOperations"))
            .ToList();
        if (spec.BasePath != AirlineOperations.BasePath)
        {
            disagreements.Add($"the base path is {AirlineOperations.BasePath} in AirlineOperations, {spec.BasePath} in the spec");
        }

        if (disagreements.Count > 0)
        {
            throw new InvalidDataException($"The operation table and the spec {spec.Title} disagree: {string.Join("; ", disagreements)}.");
        }

        var operations = AirlineOperations.All.Select(o => new SpecOperation(o.OperationId, o.Method, o.PathTemplate, byId[o.OperationId].DeclaredStatuses)).ToList();
        return new ApiSpec(spec.Title, spec.Provider, AirlineOperations.BasePath, operations) { OutcomeOf = spec.OutcomeOf, OutcomeNote = spec.OutcomeNote };
    }

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
