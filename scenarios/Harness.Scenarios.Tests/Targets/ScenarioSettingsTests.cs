namespace Harness.Scenarios.Tests.Targets;

public sealed class ScenarioSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void MissingRealTargetVariables_WhenNoneSet_NamesAllThree() =>
        ScenarioSettings.MissingRealTargetVariables(Environment())
            .Should().Equal("HARNESS_TARGET_URL", "HARNESS_CLIENT_ID", "HARNESS_CLIENT_SECRET");

    [Fact]
    public void MissingRealTargetVariables_WhenSecretMissing_NamesOnlyTheSecret() =>
        ScenarioSettings.MissingRealTargetVariables(Environment(("HARNESS_TARGET_URL", "https://partner.example/airline/v1.1/"), ("HARNESS_CLIENT_ID", "id")))
            .Should().Equal("HARNESS_CLIENT_SECRET");

    [Fact]
    public void RealTargetFact_WithoutCredentials_SkipsNamingTheVariables()
    {
        var reason = RealTargetFactAttribute.SkipReason(Environment(), requiresPaidJourneys: false);

        reason.Should().Contain("HARNESS_TARGET_URL").And.Contain("HARNESS_CLIENT_ID").And.Contain("HARNESS_CLIENT_SECRET");
    }

    [Fact]
    public void RealTargetFact_WithCredentialsButNoOptIn_SkipsPaidJourneysNamingTheOptIn()
    {
        var environment = Environment(("HARNESS_TARGET_URL", "https://partner.example/"), ("HARNESS_CLIENT_ID", "id"), ("HARNESS_CLIENT_SECRET", "s3cret"));

        RealTargetFactAttribute.SkipReason(environment, requiresPaidJourneys: false).Should().BeNull();
        RealTargetFactAttribute.SkipReason(environment, requiresPaidJourneys: true).Should().Contain("HARNESS_ALLOW_PAID_JOURNEYS=true");
    }

    [Fact]
    public void RealTargetFact_InThisEnvironment_SkipsExactlyWhenVariablesAreMissing()
    {
        var missing = ScenarioSettings.MissingRealTargetVariables(System.Environment.GetEnvironmentVariable);

        var skip = new RealTargetFactAttribute().Skip;

        if (missing.Count > 0)
        {
            skip.Should().Contain(missing[0]);
        }
        else
        {
            skip.Should().BeNull();
        }
    }

    [Fact]
    public void Load_AllowPaidJourneysTrue_OptsIn()
    {
        var settings = ScenarioSettings.Load(AppContext.BaseDirectory, Environment(("HARNESS_ALLOW_PAID_JOURNEYS", "true")));

        settings.AllowPaidJourneys.Should().BeTrue();
        settings.Harness.IsSandbox.Should().BeTrue();
    }

    [Fact]
    public void Load_AllowPaidJourneysUnset_DoesNotOptIn() =>
        ScenarioSettings.Load(AppContext.BaseDirectory, Environment()).AllowPaidJourneys.Should().BeFalse();

    [Fact]
    public void Load_AllowPaidJourneysNotBoolean_ThrowsNamingTheVariable()
    {
        var act = () => ScenarioSettings.Load(AppContext.BaseDirectory, Environment(("HARNESS_ALLOW_PAID_JOURNEYS", "yes please")));

        act.Should().Throw<InvalidOperationException>().WithMessage("*HARNESS_ALLOW_PAID_JOURNEYS 'yes please'*");
    }

    [Fact]
    public void NextSeed_WithHarnessSeed_ReturnsIt() =>
        ScenarioSettings.Load(AppContext.BaseDirectory, Environment((HarnessSettings.SeedVariable, "1234"))).NextSeed().Should().Be(1234);

    [Fact]
    public async Task CreateAsync_WithRealTargetUrl_DoesNotStartSandboxAndKeepsOptIn()
    {
        var settings = ScenarioSettings.Load(
            AppContext.BaseDirectory,
            Environment(("HARNESS_TARGET_URL", "http://127.0.0.1:9/airline/v1.1"), ("HARNESS_CLIENT_ID", "id"), ("HARNESS_CLIENT_SECRET", "s3cret")));

        await using var target = await ScenarioTarget.CreateAsync(settings);

        target.IsSandbox.Should().BeFalse();
        target.Clock.Should().BeNull();
        target.AllowPaidJourneys.Should().BeFalse();
        target.NewContext(1).DeclinedPaymentToken.Should().BeNull();
        target.BaseUrl.Should().Be(new Uri("http://127.0.0.1:9/airline/v1.1/"));
    }
}
