using System.Diagnostics;

namespace Harness.Pact.Tests.Interop;

/// <summary>Changes the process environment, so it runs apart from tests that call the engine.</summary>
[Collection(nameof(HandleLifetimeTests))]
public sealed class PactEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-trust-store-").FullName;

    public void Dispose()
    {
        // Back to what this assembly's module initializer set (tests/Shared/LoopbackTrustStore.cs).
        PactEngine.UseTrustStore(PactTools.LoopbackTrustStore);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void UseTrustStore_SetsTheFileAndItsFolderWhereTheEngineReadsThem()
    {
        NativeEnvironment.Set("SSL_CERT_FILE", "/elsewhere/ca.pem");
        NativeEnvironment.Set("SSL_CERT_DIR", "/elsewhere");

        PactEngine.UseTrustStore(PactTools.LoopbackTrustStore);

        NativeEnvironment.Get("SSL_CERT_FILE").Should().Be(PactTools.LoopbackTrustStore);
        NativeEnvironment.Get("SSL_CERT_DIR").Should().Be(Path.GetDirectoryName(PactTools.LoopbackTrustStore));
    }

    [Fact]
    public async Task UseTrustStore_LeavesChildProcessesTheTrustStoreThisProcessStartedWith()
    {
        var started = Environment.GetEnvironmentVariable("SSL_CERT_FILE");

        PactEngine.UseTrustStore(PactTools.LoopbackTrustStore);

        // A child (a `dotnet restore` from nuget.org, say) still trusts the system's store.
        Environment.GetEnvironmentVariable("SSL_CERT_FILE").Should().Be(started);
        using var child = Process.Start(new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var environment = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        environment.Should().NotContain($"SSL_CERT_FILE={PactTools.LoopbackTrustStore}");
    }

    [Fact]
    public void TrustStoreVariables_NameTheFileAndItsFolder()
    {
        var pem = Path.Combine(_dir, "one.pem");
        File.Copy(PactTools.LoopbackTrustStore, pem);

        PactEngine.TrustStoreVariables(pem).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["SSL_CERT_FILE"] = pem,
            ["SSL_CERT_DIR"] = _dir,
        });
    }

    [Fact]
    public void UseTrustStore_MissingFile_NamesIt()
    {
        var missing = Path.Combine(_dir, "none.pem");

        var act = () => PactEngine.UseTrustStore(missing);

        act.Should().Throw<FileNotFoundException>().WithMessage($"*{missing}*");
    }

    [Fact]
    public void UseTrustStore_FileWithoutACertificate_IsRefusedBeforeTheEngineFailsEveryRequest()
    {
        var empty = Path.Combine(_dir, "empty.pem");
        File.WriteAllText(empty, "no certificate here\n");

        var act = () => PactEngine.UseTrustStore(empty);

        act.Should().Throw<InvalidDataException>().WithMessage($"*{empty}*BEGIN CERTIFICATE*");
    }
}
