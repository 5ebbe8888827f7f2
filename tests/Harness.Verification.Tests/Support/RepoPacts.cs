namespace Harness.Verification.Tests.Support;

/// <summary>
/// The consumer pacts committed in contracts/pacts, read through a snapshot copied once per test run: the contract
/// tests rewrite that folder, and a verification must not see a half-written file or pacts changing under it.
/// Missing or empty pacts are a failure naming <see cref="WriteCommand"/>, never a silent pass.
/// </summary>
public static class RepoPacts
{
    /// <summary>The command that writes contracts/pacts.</summary>
    public const string WriteCommand = "dotnet test contracts/Harness.Contracts";

    private static readonly Lazy<string?> SnapshotPath = new(() => TakeSnapshot(Directory));

    /// <summary>contracts/pacts in the repository.</summary>
    public static string Directory => CoverageSources.PactDirectory(RepoPaths.Root);

    /// <summary>
    /// False while contracts/pacts does not exist (a folder that exists must hold a pact). Tests that need the pacts use
    /// <see cref="Load"/> or <see cref="Snapshot"/>, which fail instead.
    /// </summary>
    public static bool Exist => SnapshotPath.Value is not null;

    /// <summary>The snapshot folder; throws, naming <see cref="WriteCommand"/>, when contracts/pacts does not exist.</summary>
    public static string Snapshot => SnapshotPath.Value ?? throw Missing(Directory);

    /// <summary>Every pact of contracts/pacts; throws, naming <see cref="WriteCommand"/>, when there is none.</summary>
    public static IReadOnlyList<PactFile> Load() => PactFile.LoadDirectory(Snapshot);

    /// <summary>The pacts of <paramref name="provider"/>; throws, naming <see cref="WriteCommand"/>, when there is none.</summary>
    public static IReadOnlyList<PactFile> For(string provider)
    {
        var pacts = Load().Where(p => p.Provider == provider).ToList();
        return pacts.Count > 0
            ? pacts
            : throw new InvalidOperationException($"{Directory} holds no pact for provider {provider}: run `{WriteCommand}` to write it.");
    }

    /// <summary>
    /// Copies the pacts of <paramref name="directory"/> into a fresh temp folder (deleted at exit); null when the folder
    /// does not exist, an exception naming <see cref="WriteCommand"/> when it holds no pact.
    /// </summary>
    public static string? TakeSnapshot(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return null;
        }

        var files = System.IO.Directory.GetFiles(directory, "*.json");
        if (files.Length == 0)
        {
            throw new InvalidOperationException($"{directory} exists but holds no pact: run `{WriteCommand}` to write the pacts.");
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

    /// <summary>The snapshot of <paramref name="directory"/>, or the failure a missing folder is.</summary>
    public static string RequireSnapshot(string directory) => TakeSnapshot(directory) ?? throw Missing(directory);

    private static InvalidOperationException Missing(string directory) =>
        new($"{directory} does not exist: run `{WriteCommand}` to write the pacts.");
}
