namespace Harness.Spec.Testing;

/// <summary>Finds files in the repository by walking up from the test binaries to the folder holding Harness.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The repo's copy of the spec (never /work/shared).</summary>
    public static string AirlineSpec => Path.Combine(Root, "contracts", "spec", "hopper-airlines-openapi.yml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Harness.sln found above {AppContext.BaseDirectory}.");
    }
}
