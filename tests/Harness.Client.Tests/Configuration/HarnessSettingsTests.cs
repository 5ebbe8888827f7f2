namespace Harness.Client.Tests.Configuration;

public sealed class HarnessSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("harness-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_WithNothingSet_TargetsSandboxWithDefaultCredentials()
    {
        var settings = HarnessSettings.Load(_directory, _ => null);

        settings.IsSandbox.Should().BeTrue();
        settings.ClientId.Should().Be("sandbox-client");
        settings.ClientSecret.Should().Be("sandbox-secret");
        settings.Seed.Should().BeNull();
    }

    [Fact]
    public void Load_RealTargetWithoutSecret_ThrowsNamingTheVariable()
    {
        var env = Env(("HARNESS_TARGET_URL", "https://airlines-api.staging.hopper.com/airline/v1.1"), ("HARNESS_CLIENT_ID", "me"));

        var act = () => HarnessSettings.Load(_directory, env);

        act.Should().Throw<InvalidOperationException>().WithMessage("HARNESS_CLIENT_SECRET is not set*");
    }

    [Fact]
    public void Load_RealTargetWithoutClientId_ThrowsNamingTheVariable()
    {
        var act = () => HarnessSettings.Load(_directory, Env(("HARNESS_TARGET_URL", "https://x.example/airline/v1.1/")));

        act.Should().Throw<InvalidOperationException>().WithMessage("HARNESS_CLIENT_ID is not set*");
    }

    [Fact]
    public void Load_EnvironmentOverridesFile()
    {
        File.WriteAllText(Path.Combine(_directory, "appsettings.json"),
            "{ \"Harness\": { \"TargetUrl\": \"https://file.example/airline/v1.1\", \"ClientId\": \"file-id\", \"ClientSecret\": \"file-secret\", \"Seed\": 7 } }");

        var settings = HarnessSettings.Load(_directory, Env(("HARNESS_CLIENT_ID", "env-id"), ("HARNESS_SEED", "42")));

        settings.TargetUrl.Should().Be(new Uri("https://file.example/airline/v1.1/"));
        settings.ClientId.Should().Be("env-id");
        settings.ClientSecret.Should().Be("file-secret");
        settings.Seed.Should().Be(42);
        settings.ToAirlineApiOptions().BaseUrl.Should().Be(new Uri("https://file.example/airline/v1.1/"));
    }

    [Theory]
    [InlineData("HARNESS_SEED", "abc")]
    [InlineData("HARNESS_TARGET_URL", "ftp://x")]
    [InlineData("HARNESS_TIMEOUT_SECONDS", "0")]
    [InlineData("HARNESS_ATLAS_URL", "atlas.example")]
    public void Load_WithBadValue_ThrowsNamingVariableAndValue(string variable, string value)
    {
        var act = () => HarnessSettings.Load(_directory, Env((variable, value), ("HARNESS_CLIENT_ID", "i"), ("HARNESS_CLIENT_SECRET", "s")));

        act.Should().Throw<InvalidOperationException>().WithMessage($"{variable} '{value}'*");
    }

    [Fact]
    public void Load_TargetSandboxKeyword_MeansSandbox()
    {
        var settings = HarnessSettings.Load(_directory, Env(("HARNESS_TARGET_URL", "sandbox")));

        settings.IsSandbox.Should().BeTrue();
        settings.ToAirlineApiOptions(new Uri("http://127.0.0.1:5180/airline/v1.1/")).ClientSecret.Should().Be("sandbox-secret");
    }

    [Fact]
    public void ToAirlineApiOptions_ForSandboxWithoutUrl_ThrowsExplaining()
    {
        var act = () => HarnessSettings.Load(_directory, _ => null).ToAirlineApiOptions();

        act.Should().Throw<InvalidOperationException>().WithMessage("*sandbox*");
    }

    [Fact]
    public void Load_FromConfiguration_RootVariablesOverrideTheHarnessSection()
    {
        var configuration = TestConfiguration.With(
            ("Harness:TargetUrl", "https://file.example/airline/v1.1"),
            ("Harness:ClientId", "file-id"),
            ("Harness:ClientSecret", "file-secret"),
            ("Harness:TimeoutSeconds", "12"),
            ("Harness:AtlasUrl", "https://atlas.example/base"),
            ("HARNESS_CLIENT_ID", "env-id"),
            ("HARNESS_ATLAS_CLIENT_ID", "atlas-id"),
            ("HARNESS_ATLAS_CLIENT_SECRET", "atlas-secret"));

        var settings = HarnessSettings.Load(configuration);

        settings.TargetUrl.Should().Be(new Uri("https://file.example/airline/v1.1/"));
        settings.ClientId.Should().Be("env-id");
        settings.ClientSecret.Should().Be("file-secret");
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(12));
        var atlas = settings.ToAtlasClientOptions();
        atlas.BaseUrl.Should().Be(new Uri("https://atlas.example/base/"));
        atlas.ClientId.Should().Be("atlas-id");
        atlas.Timeout.Should().Be(TimeSpan.FromSeconds(12));
        settings.ToString().Should().NotContain("file-secret").And.NotContain("atlas-secret");
    }

    [Fact]
    public void Load_FromConfiguration_RealTargetWithoutSecret_ThrowsNamingTheVariable()
    {
        var act = () => HarnessSettings.Load(TestConfiguration.With(("Harness:TargetUrl", "https://x.example/"), ("Harness:ClientId", "id")));

        act.Should().Throw<InvalidOperationException>().WithMessage("HARNESS_CLIENT_SECRET is not set*");
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
