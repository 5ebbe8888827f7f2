using System.Text.Json;

namespace Harness.Sandbox.Tests.Perf;

/// <summary>The standalone sandbox's runtime settings, as its build writes them beside Harness.Sandbox.dll.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void StandaloneSandbox_RunsOnWorkstationGc()
    {
        // This assembly's output holds the referenced sandbox's own runtimeconfig (the one `dotnet Harness.Sandbox.dll` reads).
        var path = Path.Combine(AppContext.BaseDirectory, "Harness.Sandbox.runtimeconfig.json");
        File.Exists(path).Should().BeTrue($"{path} is written by `dotnet build tests/Harness.Sandbox.Tests`");

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.Server").GetBoolean()
            .Should().BeFalse("server GC's pauses put the offer p99 at 94-191 ms instead of 16-18 ms (src/Harness.Sandbox/README.md, bench)");
    }
}
