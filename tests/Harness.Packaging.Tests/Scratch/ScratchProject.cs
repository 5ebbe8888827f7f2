using System.Xml.Linq;

namespace Harness.Packaging.Tests.Scratch;

/// <summary>
/// A project outside the solution, as a partner's repository would hold it: its own folder under the system temp
/// folder, its own nuget.config (the local feed for the packed packages, and this repository's configured sources for
/// everything else, with source mapping so the packed packages can only come from the feed), its own package cache, and
/// empty Directory.Build/Packages files so nothing of this repository's build policy reaches it. It references packages
/// by id and exact version only. Reuse it for any packable library's round trip: pack into <see cref="Feed"/>, then
/// <see cref="Create"/> a program that uses the package, then <see cref="BuildAsync"/> and <see cref="RunAsync"/>.
/// </summary>
public sealed class ScratchProject : IDisposable
{
    private ScratchProject(string root, string name)
    {
        Root = root;
        ProjectDirectory = Path.Combine(root, name);
        Feed = new LocalFeed(Path.Combine(root, "feed"));
        Directory.CreateDirectory(ProjectDirectory);
        Directory.CreateDirectory(Feed.Directory);
    }

    /// <summary>The scratch folder: feed/, packages/ (the package cache), the project folder, and the config files.</summary>
    public string Root { get; }

    public string ProjectDirectory { get; }

    public LocalFeed Feed { get; }

    /// <summary>A fresh scratch folder holding an empty project folder <paramref name="name"/> and an empty feed.</summary>
    public static ScratchProject Create(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), "harness-scratch", $"{name}-{Guid.NewGuid():N}");
        return new ScratchProject(root, name);
    }

    /// <summary>
    /// Writes the project: an executable of <paramref name="sdk"/> for net10.0 referencing <paramref name="packages"/>,
    /// the source files (name → content), nuget.config and the isolating build files.
    /// </summary>
    public void Write(string sdk, IEnumerable<PackedPackage> packages, IReadOnlyDictionary<string, string> sources)
    {
        var references = packages.ToList();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Root, file), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(references).ToString());
        File.WriteAllText(
            Path.Combine(ProjectDirectory, Path.GetFileName(ProjectDirectory) + ".csproj"),
            new XElement("Project", new XAttribute("Sdk", sdk),
                new XElement("PropertyGroup",
                    new XElement("OutputType", "Exe"),
                    new XElement("TargetFramework", "net10.0"),
                    new XElement("Nullable", "enable"),
                    new XElement("ImplicitUsings", "enable"),
                    new XElement("TreatWarningsAsErrors", "true")),
                new XElement("ItemGroup", references.Select(package =>
                    new XElement("PackageReference", new XAttribute("Include", package.Id), new XAttribute("Version", $"[{package.Version}]"))))).ToString());
        foreach (var (name, content) in sources)
        {
            File.WriteAllText(Path.Combine(ProjectDirectory, name), content);
        }
    }

    /// <summary>Restores (from the feed and the configured sources only) and builds the project.</summary>
    public Task<DotnetResult> BuildAsync(TimeSpan timeout) =>
        DotnetCommand.RunAsync(ProjectDirectory, timeout, "build", "-c", "Release");

    /// <summary>Runs the built program with <paramref name="arguments"/>.</summary>
    public Task<DotnetResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync(timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>
    /// Runs the built program (<c>dotnet bin/Release/net10.0/&lt;name&gt;.dll</c>, what <c>dotnet run --no-build</c>
    /// starts, without its MSBuild evaluation) with <paramref name="arguments"/>, its environment changed by
    /// <paramref name="environment"/>.
    /// </summary>
    public Task<DotnetResult> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        DotnetCommand.RunAsync(ProjectDirectory, timeout, environment, [ProgramPath, .. arguments]);

    /// <summary>The built program: bin/Release/net10.0/&lt;project name&gt;.dll.</summary>
    public string ProgramPath => Path.Combine(OutputDirectory, Path.GetFileName(ProjectDirectory) + ".dll");

    /// <summary>The build output folder (bin/Release/net10.0).</summary>
    public string OutputDirectory => Path.Combine(ProjectDirectory, "bin", "Release", "net10.0");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>
    /// The feed first, then every source this repository's nuget.config lists; the packed packages are mapped to the feed
    /// alone (a package of the same id on a public source can never be picked up instead), everything else to the
    /// repository's sources.
    /// </summary>
    private XDocument NuGetConfig(IReadOnlyList<PackedPackage> packages)
    {
        var repositorySources = XDocument.Load(Path.Combine(PactTools.RepoRoot, "nuget.config"))
            .Descendants("packageSources").Elements("add")
            .Select(source => (Key: (string)source.Attribute("key")!, Value: (string)source.Attribute("value")!))
            .ToList();
        if (repositorySources.Count == 0)
        {
            throw new InvalidOperationException($"{Path.Combine(PactTools.RepoRoot, "nuget.config")} lists no package source.");
        }

        const string feedKey = "harness-local-feed";
        return new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", Path.Combine(Root, "packages")))),
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", feedKey), new XAttribute("value", Feed.Directory)),
                repositorySources.Select(source => new XElement("add", new XAttribute("key", source.Key), new XAttribute("value", source.Value)))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", feedKey),
                    packages.Select(package => new XElement("package", new XAttribute("pattern", package.Id)))),
                repositorySources.Select(source => new XElement("packageSource", new XAttribute("key", source.Key),
                    new XElement("package", new XAttribute("pattern", "*")))))));
    }
}
