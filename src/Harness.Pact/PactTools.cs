using System.Reflection;

namespace Harness.Pact;

/// <summary>
/// Where the repository and the official pact CLI are. The build (eng/Pact.targets) records both as assembly metadata;
/// when the recorded repository is not on this machine (a copied build output) the repository root is found by walking
/// up from the application folder to the folder holding Harness.sln.
/// </summary>
public static class PactTools
{
    private const string SolutionFile = "Harness.sln";

    private static readonly Lazy<string> RepoRootValue = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding Harness.sln), without a trailing separator.</summary>
    public static string RepoRoot => RepoRootValue.Value;

    /// <summary>The default folder consumer tests write pact files to: contracts/pacts under the repository root.</summary>
    public static string DefaultPactDir => Path.Combine(RepoRoot, "contracts", "pacts");

    /// <summary>
    /// The repository's one-certificate trust store for processes that run the engine against plain-HTTP loopback only
    /// (see <see cref="PactEngine.UseTrustStore"/> and the file's own header): eng/loopback-tls/loopback-only.pem.
    /// </summary>
    public static string LoopbackTrustStore => Path.Combine(RepoRoot, "eng", "loopback-tls", "loopback-only.pem");

    /// <summary>The official pact CLI installed by the build from tools/pact.</summary>
    /// <exception cref="FileNotFoundException">The CLI is not installed (build a project with UsesPact=true).</exception>
    public static string CliPath
    {
        get
        {
            var recorded = Metadata("HarnessPactCli");
            if (recorded is not null && File.Exists(recorded))
            {
                return recorded;
            }

            var underRoot = Path.Combine(RepoRoot, "tools", "pact", "node_modules", "@pact-foundation", "pact-cli-linux-x64", "standalone", "pact");
            return File.Exists(underRoot)
                ? underRoot
                : throw new FileNotFoundException(
                    $"The pact CLI is not installed: looked for {recorded ?? "(no HarnessPactCli metadata)"} and {underRoot}. " +
                    "Build a project with <UsesPact>true</UsesPact> to run `npm ci` in tools/pact.",
                    underRoot);
        }
    }

    private static string FindRepoRoot()
    {
        var recorded = Metadata("HarnessRepoRoot");
        if (recorded is not null && File.Exists(Path.Combine(recorded, SolutionFile)))
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(recorded));
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return Path.TrimEndingDirectorySeparator(folder.FullName);
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find the repository root: no {SolutionFile} at {recorded ?? "(no HarnessRepoRoot metadata)"} " +
            $"nor above {AppContext.BaseDirectory}.");
    }

    private static string? Metadata(string key) =>
        typeof(PactTools).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value is { Length: > 0 } value
            ? value
            : null;
}
