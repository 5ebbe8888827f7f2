using System.Runtime.InteropServices;
using System.Text.Json;
using Harness.Packaging.Tests.Scratch;
using Harness.Pact.Interop;

namespace Harness.Packaging.Tests.Platforms;

/// <summary>
/// The build's side of the mapping (eng/Pact.targets): the engine a project with UsesPact gets for an explicit
/// RuntimeIdentifier, for none (this machine's), and the error for an identifier with no engine. Evaluation and one
/// target only: nothing is fetched or built.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PactTargetsTests
{
    private const string Project = "src/Harness.Pact/Harness.Pact.csproj";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static TheoryData<string> RuntimeIdentifiers =>
        [.. NativeLibraryResolver.Engines.Select(engine => engine.RuntimeIdentifier)];

    [Theory]
    [MemberData(nameof(RuntimeIdentifiers))]
    public async Task SelectPactEngine_ExplicitRuntimeIdentifier_PicksThatPlatformsEngine(string rid)
    {
        var expected = NativeLibraryResolver.Engines.Single(engine => engine.RuntimeIdentifier == rid);

        var (file, npmPackage) = await SelectAsync($"-p:RuntimeIdentifier={rid}");

        file.Should().EndWith($"/tools/pact/obj/engines/{rid}/{expected.Library}");
        npmPackage.Should().Be(expected.NpmPackage);
    }

    [Fact]
    public async Task SelectPactEngine_NoRuntimeIdentifier_PicksThisMachinesEngine()
    {
        var (file, _) = await SelectAsync();

        file.Should().EndWith($"/tools/pact/obj/engines/{RuntimeInformation.RuntimeIdentifier}/" +
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

    private static async Task<(string File, string NpmPackage)> SelectAsync(params string[] properties)
    {
        var result = await DotnetCommand.RunAsync(PactTools.RepoRoot, Timeout,
            ["msbuild", Project, "-nologo", "-t:HarnessSelectPactEngine", "-getProperty:_HarnessPactEngineFile", "-getItem:_HarnessPactEngine", .. properties]);
        result.ExitCode.Should().Be(0, result.Tail());
        using var json = JsonDocument.Parse(result.Output);
        var item = json.RootElement.GetProperty("Items").GetProperty("_HarnessPactEngine").EnumerateArray().Single();
        return (json.RootElement.GetProperty("Properties").GetProperty("_HarnessPactEngineFile").GetString()!,
            item.GetProperty("NpmPackage").GetString()!);
    }
}
