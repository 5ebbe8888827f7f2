namespace Harness.Mutation;

/// <summary>Where the mutation tool's own files live in the repository.</summary>
public static class MutationSources
{
    public static string AllowListPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "mutation-allow.json");

    public static string ReportPath(string repoRoot) => Path.Combine(repoRoot, "contracts", "MUTATION.md");
}
