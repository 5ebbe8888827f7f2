using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>
/// Keeps the Pact engine from posting usage telemetry. The library reads PACT_DO_NOT_TRACK with libc getenv, and on
/// Linux <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes .NET's own copy of the
/// environment, so the variable is set through libc setenv as well, when this module loads and so before any
/// pact_ffi call.
/// </summary>
internal static partial class NativeEnvironment
{
    internal const string DoNotTrack = "PACT_DO_NOT_TRACK";

    [ModuleInitializer]
    internal static void DisableTelemetry()
    {
        Environment.SetEnvironmentVariable(DoNotTrack, "true");
        if (!OperatingSystem.IsWindows() && SetEnv(DoNotTrack, "true", 1) != 0)
        {
            throw new InvalidOperationException($"libc setenv({DoNotTrack}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
