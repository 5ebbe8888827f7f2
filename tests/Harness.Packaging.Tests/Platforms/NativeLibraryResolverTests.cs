using System.Runtime.InteropServices;
using System.Text.Json;
using Harness.Pact.Interop;

namespace Harness.Packaging.Tests.Platforms;

/// <summary>
/// Which Pact engine each platform gets: operating system, processor and C library → runtime identifier → npm package →
/// file, for every platform the package supports (eng/PactEngines.props, read back from Harness.Pact's metadata), and
/// the real thing on the machine the tests run on.
/// </summary>
public sealed class NativeLibraryResolverTests
{
    public static TheoryData<string, Architecture, bool, string, string, string, string> SupportedPlatforms => new()
    {
        { "LINUX", Architecture.X64, false, "linux-x64", "@pact-foundation/pact-core-linux-x64-glibc", "prebuilds/linux-x64/libpact_ffi.so", "libpact_ffi.so" },
        { "LINUX", Architecture.Arm64, false, "linux-arm64", "@pact-foundation/pact-core-linux-arm64-glibc", "prebuilds/linux-arm64/libpact_ffi.so", "libpact_ffi.so" },
        { "LINUX", Architecture.X64, true, "linux-musl-x64", "@pact-foundation/pact-core-linux-x64-musl", "prebuilds/linux-x64/libpact_ffi_musl.so", "libpact_ffi.so" },
        { "LINUX", Architecture.Arm64, true, "linux-musl-arm64", "@pact-foundation/pact-core-linux-arm64-musl", "prebuilds/linux-arm64/libpact_ffi_musl.so", "libpact_ffi.so" },
        { "OSX", Architecture.X64, false, "osx-x64", "@pact-foundation/pact-core-darwin-x64", "prebuilds/darwin-x64/libpact_ffi.dylib", "libpact_ffi.dylib" },
        { "OSX", Architecture.Arm64, false, "osx-arm64", "@pact-foundation/pact-core-darwin-arm64", "prebuilds/darwin-arm64/libpact_ffi.dylib", "libpact_ffi.dylib" },
        { "WINDOWS", Architecture.X64, false, "win-x64", "@pact-foundation/pact-core-windows-x64", "prebuilds/win32-x64/pact_ffi.dll", "pact_ffi.dll" },
    };

    [Theory]
    [MemberData(nameof(SupportedPlatforms))]
    public void Select_SupportedPlatform_MapsToRuntimeIdentifierNpmPackageAndFile(
        string os, Architecture architecture, bool musl, string rid, string npmPackage, string npmPath, string library)
    {
        var platform = new PactPlatform(OSPlatform.Create(os), architecture, musl);

        var engine = NativeLibraryResolver.Select(NativeLibraryResolver.Engines, platform);

        platform.RuntimeIdentifier.Should().Be(rid);
        engine.Should().Be(new PlatformEngine(rid, npmPackage, npmPath, library));
    }

    [Fact]
    public void Engines_AreTheSevenSupportedPlatforms()
    {
        NativeLibraryResolver.Engines.Select(engine => engine.RuntimeIdentifier).Should().BeEquivalentTo(
            "linux-x64", "linux-arm64", "linux-musl-x64", "linux-musl-arm64", "osx-x64", "osx-arm64", "win-x64");
    }

    [Theory]
    [InlineData("WINDOWS", Architecture.Arm64, false, "win-arm64")]
    [InlineData("LINUX", Architecture.X86, false, "linux-x86")]
    [InlineData("LINUX", Architecture.Arm, true, "linux-musl-arm")]
    [InlineData("FREEBSD", Architecture.X64, false, "freebsd-x64")]
    public void Select_UnsupportedPlatform_ThrowsNamingSupportedPlatformsAndWhatToInstall(string os, Architecture architecture, bool musl, string rid)
    {
        var act = () => NativeLibraryResolver.Select(NativeLibraryResolver.Engines, new PactPlatform(OSPlatform.Create(os), architecture, musl));

        act.Should().Throw<PlatformNotSupportedException>()
            .Which.Message.Should().Contain(rid)
            .And.Contain("Supported: linux-arm64, linux-musl-arm64, linux-musl-x64, linux-x64, osx-arm64, osx-x64, win-x64")
            .And.Contain("libpact_ffi 0.5.8")
            .And.Contain(NativeLibraryResolver.OverrideVariable);
    }

    [Theory]
    [InlineData("linux-musl-x64", Architecture.X64, null, true)]
    [InlineData("linux-x64", Architecture.X64, "/lib/ld-musl-x86_64.so.1", true)]
    [InlineData("linux-arm64", Architecture.Arm64, "/lib/ld-musl-aarch64.so.1", true)]
    [InlineData("linux-arm64", Architecture.Arm64, "/lib/ld-musl-x86_64.so.1", false)]
    [InlineData("linux-x64", Architecture.X64, "/lib64/ld-linux-x86-64.so.2", false)]
    public void IsMusl_FromRuntimeIdentifierOrMuslLoader_DetectsMusl(string runtimeIdentifier, Architecture architecture, string? existingFile, bool expected)
    {
        NativeLibraryResolver.IsMusl(runtimeIdentifier, architecture, path => path == existingFile).Should().Be(expected);
    }

    [Fact]
    public void Engines_EachIsPinnedInTheNpmLockForItsOwnPlatform()
    {
        var tools = Path.Combine(PactTools.RepoRoot, "tools", "pact");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tools, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(tools, "package-lock.json")));
        var pinned = manifest.RootElement.GetProperty("optionalDependencies");
        var locked = lockFile.RootElement.GetProperty("packages");

        foreach (var engine in NativeLibraryResolver.Engines)
        {
            var entry = locked.GetProperty($"node_modules/{engine.NpmPackage}");
            entry.GetProperty("version").GetString().Should().Be(pinned.GetProperty(engine.NpmPackage).GetString(), engine.NpmPackage);
            entry.GetProperty("integrity").GetString().Should().StartWith("sha512-", engine.NpmPackage);

            var (os, cpu, libc) = NpmPlatform(engine.RuntimeIdentifier);
            entry.GetProperty("os").EnumerateArray().Select(value => value.GetString()).Should().Equal([os], engine.NpmPackage);
            entry.GetProperty("cpu").EnumerateArray().Select(value => value.GetString()).Should().Equal([cpu], engine.NpmPackage);
            if (libc is not null)
            {
                entry.GetProperty("libc").EnumerateArray().Select(value => value.GetString()).Should().Equal([libc], engine.NpmPackage);
            }
        }
    }

    [Fact]
    public void CurrentPlatform_OnThisMachine_IsTheRuntimesOwnAndItsEngineAnswersVersion058()
    {
        var platform = NativeLibraryResolver.CurrentPlatform();
        var engine = NativeLibraryResolver.Select(NativeLibraryResolver.Engines, platform);

        // A portable .NET runtime names the same runtime identifier (linux-musl-x64 on Alpine, linux-x64 here).
        platform.RuntimeIdentifier.Should().Be(RuntimeInformation.RuntimeIdentifier);
        File.Exists(Path.Combine(AppContext.BaseDirectory, engine.Library)).Should().BeTrue(
            $"the build copies the {engine.RuntimeIdentifier} engine ({engine.Library}) next to the tests");
        NativeString.CopyBorrowed(NativeMethods.Version()).Should().Be("0.5.8");
    }

    [Fact]
    public void LoadFrom_EngineOnlyUnderRuntimesFolder_LoadsIt()
    {
        var engine = NativeLibraryResolver.Select(NativeLibraryResolver.Engines, NativeLibraryResolver.CurrentPlatform());
        var folder = Path.Combine(Path.GetTempPath(), "harness-packaging-tests", Guid.NewGuid().ToString("N"));
        var native = Path.Combine(folder, "runtimes", engine.RuntimeIdentifier, "native");
        Directory.CreateDirectory(native);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, engine.Library), Path.Combine(native, engine.Library));

            var handle = NativeLibraryResolver.LoadFrom(engine, [.. NativeLibraryResolver.Candidates(engine, folder)]);

            NativeLibrary.TryGetExport(handle, "pactffi_version", out _).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LoadFrom_NoEngineInAnyCandidate_ThrowsNamingTheNpmPackageAndTheOverride()
    {
        var engine = NativeLibraryResolver.Engines.Single(engine => engine.RuntimeIdentifier == "linux-musl-arm64");
        var missing = Path.Combine(Path.GetTempPath(), "harness-packaging-tests", Guid.NewGuid().ToString("N"));

        var act = () => NativeLibraryResolver.LoadFrom(engine, [.. NativeLibraryResolver.Candidates(engine, missing)]);

        act.Should().Throw<DllNotFoundException>()
            .Which.Message.Should().Contain("linux-musl-arm64")
            .And.Contain("@pact-foundation/pact-core-linux-arm64-musl")
            .And.Contain(Path.Combine(missing, "runtimes", "linux-musl-arm64", "native", "libpact_ffi.so"))
            .And.Contain("Harness.Pact package")
            .And.Contain(NativeLibraryResolver.OverrideVariable);
    }

    private static (string Os, string Cpu, string? Libc) NpmPlatform(string rid) => rid switch
    {
        "linux-x64" => ("linux", "x64", "glibc"),
        "linux-arm64" => ("linux", "arm64", "glibc"),
        "linux-musl-x64" => ("linux", "x64", "musl"),
        "linux-musl-arm64" => ("linux", "arm64", "musl"),
        "osx-x64" => ("darwin", "x64", null),
        "osx-arm64" => ("darwin", "arm64", null),
        "win-x64" => ("win32", "x64", null),
        _ => throw new ArgumentOutOfRangeException(nameof(rid), rid, "not a supported runtime identifier"),
    };
}
