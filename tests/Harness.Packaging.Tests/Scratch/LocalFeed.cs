using System.IO.Compression;
using System.Xml.Linq;

namespace Harness.Packaging.Tests.Scratch;

/// <summary>A package packed into a local folder: its id, version, file, and the paths inside it.</summary>
public sealed record PackedPackage(string Id, string Version, string Path, IReadOnlyList<string> Entries);

/// <summary>A folder of packages packed from this repository's projects, used as a NuGet source by scratch projects.</summary>
public sealed class LocalFeed(string directory)
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    public string Directory { get; } = directory;

    /// <summary>
    /// <c>dotnet pack</c> of a project of this repository (path relative to the repository root) into this folder, as a
    /// release packs it but from the build this test run already made (its configuration, <c>--no-build</c>): packing is
    /// under test, and a second (Release) build of the project would double the test's time.
    /// </summary>
    public async Task<PackedPackage> PackAsync(string project, TimeSpan timeout)
    {
        var before = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.nupkg") : [];
        var pack = await DotnetCommand.RunAsync(PactTools.RepoRoot, timeout, "pack", project, "-c", BuildConfiguration, "--no-build", "-o", Directory);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"{pack.Command} failed with exit code {pack.ExitCode}:{Environment.NewLine}{pack.Tail()}");
        }

        var packed = System.IO.Directory.GetFiles(Directory, "*.nupkg").Except(before).ToList();
        return packed.Count == 1
            ? Read(packed[0])
            : throw new InvalidOperationException($"{pack.Command} wrote {packed.Count} new packages to {Directory}, expected 1:{Environment.NewLine}{pack.Tail()}");
    }

    /// <summary>Id, version and contents of a .nupkg, read from its nuspec.</summary>
    public static PackedPackage Read(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspec = zip.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !entry.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;
        return new PackedPackage(Field("id"), Field("version"), nupkg, [.. zip.Entries.Select(entry => entry.FullName)]);
    }
}
