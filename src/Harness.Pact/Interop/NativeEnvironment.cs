using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>
/// The environment the Pact engine reads, with libc getenv. On Linux
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's own copy of the environment, so
/// what the engine must see is set through libc setenv as well. PACT_DO_NOT_TRACK (no usage telemetry) is set when this
/// module loads, and so before any pact_ffi call.
/// </summary>
internal static partial class NativeEnvironment
{
    internal const string DoNotTrack = "PACT_DO_NOT_TRACK";

    [ModuleInitializer]
    internal static void DisableTelemetry()
    {
        Environment.SetEnvironmentVariable(DoNotTrack, "true");
        Set(DoNotTrack, "true");
    }

    /// <summary>
    /// Sets <paramref name="name"/> where native code reads it: libc's environment on Linux and macOS (.NET's own copy,
    /// which child processes inherit, is left as it is); the one process environment on Windows.
    /// </summary>
    internal static void Set(string name, string value)
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        else if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"libc setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>The value native code sees (libc getenv); null when unset.</summary>
    internal static string? Get(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
