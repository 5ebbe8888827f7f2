using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Harness.Pact.Tests.Interop;

/// <summary>Changes the process environment, so it runs apart from tests that call the engine.</summary>
[Collection(nameof(HandleLifetimeTests))]
public sealed partial class TelemetryTests
{
    [Fact]
    public void ModuleInitializer_SetsDoNotTrackInNativeEnvironment()
    {
        RuntimeHelpers.RunModuleConstructor(typeof(Pact).Module.ModuleHandle);

        // libc getenv is what the engine reads; .NET's own environment copy is not enough on Linux.
        NativeEnvironment.Get(NativeEnvironment.DoNotTrack).Should().Be("true");
        Environment.GetEnvironmentVariable(NativeEnvironment.DoNotTrack).Should().Be("true");
    }

    [Fact]
    public void DisableTelemetry_WhenNativeVariableMissing_SetsItThroughLibc()
    {
        // The CI shell exports the variable too; remove it natively to prove the initializer sets it by itself.
        UnsetEnv(NativeEnvironment.DoNotTrack).Should().Be(0);
        NativeEnvironment.Get(NativeEnvironment.DoNotTrack).Should().BeNull();

        NativeEnvironment.DisableTelemetry();

        NativeEnvironment.Get(NativeEnvironment.DoNotTrack).Should().Be("true");
    }

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnsetEnv(string name);
}
