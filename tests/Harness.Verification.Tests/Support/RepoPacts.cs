using Harness.Coverage;
using Harness.Tests.Spec;

namespace Harness.Verification.Tests.Support;

/// <summary>
/// The consumer pacts committed in contracts/pacts, read through a snapshot copied once per test run: the contract
/// tests rewrite that folder, and a verification must not see a half-written file or pacts changing under it.
/// </summary>
public static class RepoPacts
{
    private static readonly Lazy<string?> SnapshotPath = new(TakeSnapshot);

    /// <summary>contracts/pacts in the repository.</summary>
    public static string Directory => CoverageSources.PactDirectory(RepoPaths.Root);

    /// <summary>
    /// False until the contract tests have produced contracts/pacts; once the folder exists it must hold at least one pact.
    /// </summary>
    public static bool Exist => SnapshotPath.Value is not null;

    /// <summary>The snapshot folder (only when <see cref="Exist"/>).</summary>
    public static string Snapshot => SnapshotPath.Value ?? throw new InvalidOperationException($"There is no {Directory} yet.");

    public static IReadOnlyList<PactFile> Load() => Exist ? PactFile.LoadDirectory(Snapshot) : [];

    private static string? TakeSnapshot()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }

        var files = System.IO.Directory.GetFiles(Directory, "*.json");
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"{Directory} exists but holds no pact: run `dotnet test contracts/Harness.Contracts`.");
        }

        var snapshot = Path.Combine(Path.GetTempPath(), "harness-pacts-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(snapshot);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(snapshot, Path.GetFileName(file)));
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(snapshot, recursive: true);
        return snapshot;
    }
}
