using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>
/// One platform's Pact engine: the .NET runtime identifier, the npm package that ships it, the file inside that package,
/// and the file name .NET loads for <c>[DllImport("pact_ffi")]</c>. The table is eng/PactEngines.props, carried in
/// this assembly's metadata by the build (eng/Pact.targets, PackPactEngines).
/// </summary>
internal sealed record PlatformEngine(string RuntimeIdentifier, string NpmPackage, string NpmPath, string Library);

/// <summary>What decides which engine a process needs: operating system, processor, and on Linux the C library.</summary>
internal readonly record struct PactPlatform(OSPlatform OperatingSystem, Architecture Architecture, bool IsMusl)
{
    /// <summary>The .NET runtime identifier, e.g. linux-x64, linux-musl-arm64, osx-arm64, win-x64.</summary>
    public string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem == OSPlatform.Linux ? IsMusl ? "linux-musl" : "linux"
                : OperatingSystem == OSPlatform.OSX ? "osx"
                : OperatingSystem == OSPlatform.Windows ? "win"
                : OperatingSystem.ToString().ToLowerInvariant();
            return $"{os}-{Architecture.ToString().ToLowerInvariant()}";
        }
    }

    public override string ToString() =>
        $"{RuntimeIdentifier} ({OperatingSystem} {Architecture}{(OperatingSystem == OSPlatform.Linux ? IsMusl ? ", musl" : ", glibc" : "")})";
}

/// <summary>
/// Loads the Pact engine for the platform the process runs on. The runtime's own probing comes first: the application
/// folder (a build in this repository copies the engine there) and, from the NuGet package, runtimes/&lt;rid&gt;/native/
/// through the application's deps.json. Then runtimes/&lt;rid&gt;/native/ next to this assembly and the application,
/// and <see cref="OverrideVariable"/> before all of them. A platform with no engine, or an engine that is not there,
/// fails at the first engine call with an error naming the supported platforms and what to install.
/// </summary>
internal static class NativeLibraryResolver
{
    /// <summary>Full path of a libpact_ffi 0.5.8 to load instead of the bundled one (e.g. for a platform not in the table).</summary>
    internal const string OverrideVariable = "HARNESS_PACT_FFI_LIBRARY";

    internal const string LibraryName = "pact_ffi";

    private const string MetadataPrefix = "HarnessPactEngine:";

    private static readonly Lock Gate = new();
    private static IntPtr s_loaded;

    /// <summary>The engines this assembly knows, one per supported runtime identifier.</summary>
    internal static IReadOnlyList<PlatformEngine> Engines { get; } = ReadEngines(typeof(NativeLibraryResolver).Assembly);

    [ModuleInitializer]
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);

    /// <summary>The engine for <paramref name="platform"/>, or an error naming the supported platforms and what to do.</summary>
    /// <exception cref="PlatformNotSupportedException">No engine in <paramref name="engines"/> is built for the platform.</exception>
    internal static PlatformEngine Select(IReadOnlyList<PlatformEngine> engines, PactPlatform platform) =>
        engines.FirstOrDefault(engine => engine.RuntimeIdentifier == platform.RuntimeIdentifier)
        ?? throw new PlatformNotSupportedException(
            $"Harness.Pact has no Pact engine (libpact_ffi) for {platform}. Supported: " +
            $"{string.Join(", ", engines.Select(engine => engine.RuntimeIdentifier))}. Run on one of those, or get " +
            $"libpact_ffi 0.5.8 built for this platform (pact-foundation/pact-reference releases) and set {OverrideVariable} " +
            "to its full path.");

    /// <summary>The platform this process runs on.</summary>
    internal static PactPlatform CurrentPlatform() => new(
        OperatingSystem.IsLinux() ? OSPlatform.Linux
            : OperatingSystem.IsMacOS() ? OSPlatform.OSX
            : OperatingSystem.IsWindows() ? OSPlatform.Windows
            : OperatingSystem.IsFreeBSD() ? OSPlatform.FreeBSD
            : OSPlatform.Create(RuntimeInformation.OSDescription),
        RuntimeInformation.ProcessArchitecture,
        OperatingSystem.IsLinux() && IsMusl(RuntimeInformation.RuntimeIdentifier, RuntimeInformation.ProcessArchitecture, File.Exists));

    /// <summary>
    /// Whether a Linux process runs on musl (Alpine): a musl build of .NET says so in its runtime identifier; a portable
    /// build is told by musl's dynamic loader, /lib/ld-musl-&lt;arch&gt;.so.1.
    /// </summary>
    internal static bool IsMusl(string runtimeIdentifier, Architecture architecture, Func<string, bool> fileExists) =>
        runtimeIdentifier.Contains("-musl", StringComparison.Ordinal)
        || fileExists($"/lib/ld-musl-{architecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "aarch64",
            Architecture.X86 => "i386",
            Architecture.Arm => "armhf",
            _ => architecture.ToString().ToLowerInvariant(),
        }}.so.1");

    /// <summary>Where the engine may be, in the order tried after the runtime's own probing.</summary>
    internal static IEnumerable<string> Candidates(PlatformEngine engine, params string[] folders) =>
        folders
            .Distinct(StringComparer.Ordinal)
            .SelectMany(folder => new[]
            {
                Path.Combine(folder, engine.Library),
                Path.Combine(folder, "runtimes", engine.RuntimeIdentifier, "native", engine.Library),
            });

    internal static IReadOnlyList<PlatformEngine> ReadEngines(Assembly assembly) =>
        [.. assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(attribute => attribute.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            .Select(attribute =>
            {
                var parts = (attribute.Value ?? "").Split('|');
                return parts.Length == 3
                    ? new PlatformEngine(attribute.Key[MetadataPrefix.Length..], parts[0], parts[1], parts[2])
                    : throw new InvalidOperationException($"Malformed engine table entry {attribute.Key}={attribute.Value} in {assembly.GetName().Name}.");
            })
            .OrderBy(engine => engine.RuntimeIdentifier, StringComparer.Ordinal)];

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            if (s_loaded == IntPtr.Zero)
            {
                s_loaded = Load(assembly, searchPath);
            }

            return s_loaded;
        }
    }

    private static IntPtr Load(Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } overridden)
        {
            return NativeLibrary.TryLoad(overridden, out var handle)
                ? handle
                : throw new DllNotFoundException($"{OverrideVariable}={overridden} could not be loaded as the Pact engine (libpact_ffi 0.5.8 for {CurrentPlatform()}).");
        }

        if (NativeLibrary.TryLoad(LibraryName, assembly, searchPath, out var probed))
        {
            return probed;
        }

        var engine = Select(Engines, CurrentPlatform());
        return LoadFrom(engine, [.. Candidates(engine, Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory, AppContext.BaseDirectory)]);
    }

    /// <summary>The first of <paramref name="candidates"/> that loads, or an error naming where it looked and what to install.</summary>
    internal static IntPtr LoadFrom(PlatformEngine engine, IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"The Pact engine for {engine.RuntimeIdentifier} ({engine.Library} from npm {engine.NpmPackage}) was not found: " +
            $"looked in the application's probing paths and {string.Join(", ", candidates)}. From NuGet, restore the " +
            "Harness.Pact package (it carries the engine of every supported platform); in the Harness repository, build " +
            $"a project with <UsesPact>true</UsesPact>; or set {OverrideVariable} to the engine's full path.");
    }
}
