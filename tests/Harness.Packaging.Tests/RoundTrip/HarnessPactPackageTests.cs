using System.Text.Json;
using Harness.Packaging.Tests.Scratch;
using Harness.Pact;
using Harness.Pact.Interop;

namespace Harness.Packaging.Tests.RoundTrip;

/// <summary>
/// The partner's view: `dotnet pack` of Harness.Pact, the package restored by name and version into a project outside
/// this repository, and there a consumer test that writes a pact through the mock server and a provider verification
/// of that pact against a provider on 127.0.0.1 (ScratchSources/PactRoundTrip/Program.cs).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class HarnessPactPackageTests
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    // The package must keep the engine from posting telemetry by itself (its module initializer), not rely on the shell.
    // The program talks plain HTTP to 127.0.0.1 only: the engine's trust store is eng/loopback-tls's one certificate
    // instead of the system's ~300 files, which it would load for every interaction it verifies (read that file's header).
    // Only the run step: the restore needs the real store for the package sources.
    private static readonly Dictionary<string, string?> RunEnvironment =
        new(PactEngine.TrustStoreVariables(PactTools.LoopbackTrustStore).ToDictionary(v => v.Key, v => (string?)v.Value))
        {
            ["PACT_DO_NOT_TRACK"] = null,
        };

    [Fact]
    public async Task PackedPackage_RestoredInScratchProject_WritesPactAndVerifiesProvider()
    {
        using var scratch = ScratchProject.Create("PactRoundTrip");

        var package = await scratch.Feed.PackAsync("src/Harness.Pact/Harness.Pact.csproj", PackTimeout);

        package.Id.Should().Be("Harness.Pact");
        package.Entries.Should().Contain("lib/net10.0/Harness.Pact.dll");
        package.Entries.Where(entry => entry.StartsWith("runtimes/", StringComparison.Ordinal)).Should().BeEquivalentTo(
            NativeLibraryResolver.Engines.Select(engine => $"runtimes/{engine.RuntimeIdentifier}/native/{engine.Library}"));

        scratch.Write("Microsoft.NET.Sdk.Web", [package], Sources("PactRoundTrip"));
        var build = await scratch.BuildAsync(BuildTimeout);
        build.ExitCode.Should().Be(0, $"{build.Command} must build against the packed package:{Environment.NewLine}{build.Tail()}");

        var restored = Path.Combine(scratch.Root, "packages", "harness.pact", package.Version);
        using (var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(restored, ".nupkg.metadata"))))
        {
            metadata.RootElement.GetProperty("source").GetString().Should().Be(scratch.Feed.Directory, "the package comes from the local feed");
        }

        // A portable application: every engine under runtimes/<rid>/native/, none beside the program — the runtime finds
        // this machine's through the application's deps.json, as it will on a partner's machine.
        var engine = NativeLibraryResolver.Select(NativeLibraryResolver.Engines, NativeLibraryResolver.CurrentPlatform());
        File.Exists(Path.Combine(scratch.OutputDirectory, "runtimes", engine.RuntimeIdentifier, "native", engine.Library)).Should().BeTrue();
        Directory.GetFiles(scratch.OutputDirectory, "*pact_ffi*").Should().BeEmpty();

        var pactDir = Path.Combine(scratch.Root, "pacts");
        var run = await scratch.RunAsync(RunTimeout, RunEnvironment, pactDir);

        run.ExitCode.Should().Be(0, $"{run.Command} must pass:{Environment.NewLine}{run.Tail()}");
        run.Output.Should().Contain("consumer: wrote")
            .And.Contain("provider: verified against a provider that honours the pact")
            .And.Contain("provider: a provider that breaks the pact fails verification")
            .And.Contain("PACT_DO_NOT_TRACK before Harness.Pact: <unset>; in the C library's environment after: true");
        using var pact = JsonDocument.Parse(File.ReadAllText(Path.Combine(pactDir, "RoundTripConsumer-RoundTripProvider.json")));
        pact.RootElement.GetProperty("metadata").GetProperty("pactRust").GetProperty("ffi").GetString().Should().Be("0.5.8");
        pact.RootElement.GetProperty("interactions").EnumerateArray().Select(interaction => interaction.GetProperty("description").GetString())
            .Should().Equal("a request for order 1");

        // Without this platform's engine the first engine call fails naming the platform, the npm package and the way out.
        File.Delete(Path.Combine(scratch.OutputDirectory, "runtimes", engine.RuntimeIdentifier, "native", engine.Library));
        var missing = await scratch.RunAsync(RunTimeout, RunEnvironment, Path.Combine(scratch.Root, "pacts-missing-engine"));

        missing.ExitCode.Should().NotBe(0);
        missing.Output.Should().Contain($"The Pact engine for {engine.RuntimeIdentifier} ({engine.Library} from npm {engine.NpmPackage}) was not found")
            .And.Contain(NativeLibraryResolver.OverrideVariable);
    }

    /// <summary>The files of ScratchSources/<paramref name="program"/> (copied next to the tests by the build).</summary>
    private static Dictionary<string, string> Sources(string program)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "ScratchSources", program);
        return Directory.GetFiles(folder).ToDictionary(file => Path.GetFileName(file), File.ReadAllText);
    }
}
