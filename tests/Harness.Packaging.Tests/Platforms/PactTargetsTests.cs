using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using Harness.Packaging.Tests.Scratch;
using Harness.Pact.Interop;

namespace Harness.Packaging.Tests.Platforms;

/// <summary>
/// The build's side of the mapping (eng/Pact.targets): the engine a project with UsesPact gets for an explicit
/// RuntimeIdentifier, for none (this machine's), and the error for an identifier with no engine. Evaluation and one
/// target only: nothing is fetched or built. The successful selections share one <c>dotnet msbuild</c> process (a
/// project outside the repository that calls the target of Harness.Pact once per runtime identifier, each with that
/// identifier as a global property, as <c>dotnet build -r</c> sets it), instead of one process per identifier.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PactTargetsTests
{
    private const string Project = "src/Harness.Pact/Harness.Pact.csproj";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<Task<Selections>> Selected = new(SelectAllAsync);

    public static TheoryData<string> RuntimeIdentifiers =>
        [.. NativeLibraryResolver.Engines.Select(engine => engine.RuntimeIdentifier)];

    [Theory]
    [MemberData(nameof(RuntimeIdentifiers))]
    public async Task SelectPactEngine_ExplicitRuntimeIdentifier_PicksThatPlatformsEngine(string rid)
    {
        var expected = NativeLibraryResolver.Engines.Single(engine => engine.RuntimeIdentifier == rid);

        var selected = (await Selected.Value).Explicit.Where(engine => engine.Rid == rid).ToList();

        selected.Should().ContainSingle($"the target ran once with RuntimeIdentifier={rid} and must return that platform's engine");
        selected[0].File.Should().EndWith($"/tools/pact/obj/engines/{rid}/{expected.Library}");
        selected[0].NpmPackage.Should().Be(expected.NpmPackage);
    }

    [Fact]
    public async Task SelectPactEngine_NoRuntimeIdentifier_PicksThisMachinesEngine()
    {
        var selected = (await Selected.Value).Default;

        selected.File.Should().EndWith($"/tools/pact/obj/engines/{RuntimeInformation.RuntimeIdentifier}/" +
            NativeLibraryResolver.Select(NativeLibraryResolver.Engines, NativeLibraryResolver.CurrentPlatform()).Library);
    }

    [Fact]
    public async Task SelectPactEngine_UnsupportedRuntimeIdentifier_FailsTheBuildNamingTheSupportedOnes()
    {
        var result = await DotnetCommand.RunAsync(PactTools.RepoRoot, Timeout,
            "msbuild", Project, "-nologo", "-t:HarnessSelectPactEngine", "-p:RuntimeIdentifier=win-arm64");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Harness.Pact has no Pact engine for runtime identifier 'win-arm64'")
            .And.Contain("Supported: linux-x64, linux-arm64, linux-musl-x64, linux-musl-arm64, osx-x64, osx-arm64, win-x64");
    }

    private sealed record Engine(string Rid, string File, string NpmPackage);

    private sealed record Selections(Engine Default, IReadOnlyList<Engine> Explicit);

    /// <summary>
    /// One <c>dotnet msbuild</c>: HarnessSelectPactEngine of Harness.Pact without a RuntimeIdentifier (item Default),
    /// then once per supported identifier with it set (items Explicit); each returned item is the engine the target chose.
    /// </summary>
    private static async Task<Selections> SelectAllAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harness-scratch", $"pact-targets-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var project = Path.Combine(PactTools.RepoRoot, Project);
            var caller = Path.Combine(folder, "select.proj");
            new XElement("Project",
                new XElement("ItemGroup", NativeLibraryResolver.Engines.Select(engine =>
                    new XElement("WithRid", new XAttribute("Include", project),
                        new XAttribute("AdditionalProperties", $"RuntimeIdentifier={engine.RuntimeIdentifier}")))),
                new XElement("Target", new XAttribute("Name", "Select"),
                    new XElement("MSBuild", new XAttribute("Projects", project), new XAttribute("Targets", "HarnessSelectPactEngine"),
                        new XElement("Output", new XAttribute("TaskParameter", "TargetOutputs"), new XAttribute("ItemName", "Default"))),
                    new XElement("MSBuild", new XAttribute("Projects", "@(WithRid)"), new XAttribute("Targets", "HarnessSelectPactEngine"),
                        new XElement("Output", new XAttribute("TaskParameter", "TargetOutputs"), new XAttribute("ItemName", "Explicit"))))).Save(caller);

            var result = await DotnetCommand.RunAsync(folder, Timeout,
                "msbuild", caller, "-nologo", "-t:Select", "-getItem:Default", "-getItem:Explicit");
            result.ExitCode.Should().Be(0, result.Tail());
            using var json = JsonDocument.Parse(result.Output);
            var items = json.RootElement.GetProperty("Items");
            static Engine Read(JsonElement item) => new(item.GetProperty("Identity").GetString()!,
                item.GetProperty("File").GetString()!, item.GetProperty("NpmPackage").GetString()!);
            return new Selections(Read(items.GetProperty("Default").EnumerateArray().Single()),
                [.. items.GetProperty("Explicit").EnumerateArray().Select(Read)]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
