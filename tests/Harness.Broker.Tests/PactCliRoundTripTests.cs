namespace Harness.Broker.Tests;

/// <summary>The official pact CLI and verifier, run as child processes against <see cref="PactBrokerTestDouble"/>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class PactCliRoundTripTests(ITestOutputHelper output) : BrokerSessionTest(output)
{
    private const string ConsumerVersion = "1.0.0";
    private const string ProviderVersion = "2.0.0";

    [Fact]
    public async Task Publish_ThenPassingVerification_CanIDeployAnswersYes()
    {
        var published = await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main");
        published.ExitCode.Should().Be(0, published.ToString());
        published.StandardOutput.Should().Contain("Pact successfully published for airline-partner version 1.0.0 and provider hts-airlines-api")
            .And.NotContain("Warning", "the CLI warns when it cannot read the publish response");

        await using var provider = await ToyProvider.StartAsync();
        var verified = await VerifyAsync(provider, publish: true, pending: true);
        verified.ExitCode.Should().Be(0, verified.ToString());

        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);

        canIDeploy.ExitCode.Should().Be(0, canIDeploy.ToString());
        canIDeploy.StandardOutput.Should().Contain("All required verification results are published and successful");
        Session.Broker.Verifications().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new PublishedVerification(SamplePact.Consumer, SamplePact.Provider, ProviderVersion, ["main"], Success: true));
        Session.Broker.BranchesOf(SamplePact.Consumer, ConsumerVersion).Should().Equal("main");
        Session.Broker.Requests.Should().Contain([
            "POST /contracts/publish",
            "POST /pacts/provider/hts-airlines-api/for-verification",
            "PUT /pacticipants/hts-airlines-api/branches/main/versions/2.0.0",
        ]);
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("POST /pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/", StringComparison.Ordinal) && r.EndsWith("/verification-results", StringComparison.Ordinal));
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("GET /matrix?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingVerification_CanIDeployAnswersNo()
    {
        (await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main")).ExitCode.Should().Be(0);

        await using var provider = await ToyProvider.StartAsync(breaksContract: true);
        var verified = await VerifyAsync(provider, publish: true, pending: false);
        verified.ExitCode.Should().NotBe(0, verified.ToString());

        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);

        canIDeploy.ExitCode.Should().NotBe(0, canIDeploy.ToString());
        canIDeploy.StandardOutput.Should().Contain("failed");
        Session.Broker.Verifications().Should().ContainSingle().Which.Success.Should().BeFalse();
    }

    [Fact]
    public async Task FailingVerification_OfPendingPact_PassesTheBuildButCanIDeployStillAnswersNo()
    {
        (await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main")).ExitCode.Should().Be(0);

        await using var provider = await ToyProvider.StartAsync(breaksContract: true);
        var verified = await VerifyAsync(provider, publish: true, pending: true);

        // Pending pacts (never verified by this provider branch) must not break the provider's build.
        verified.ExitCode.Should().Be(0, verified.ToString());
        verified.Output.Should().Contain("pending");
        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);
        canIDeploy.ExitCode.Should().NotBe(0, canIDeploy.ToString());
        Session.Broker.Verifications().Should().ContainSingle().Which.Success.Should().BeFalse();
    }

    [Fact]
    public async Task CanIDeployToEnvironment_SeesRecordedDeployment()
    {
        (await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main")).ExitCode.Should().Be(0);
        await using var provider = await ToyProvider.StartAsync();
        (await VerifyAsync(provider, publish: true, pending: true)).ExitCode.Should().Be(0);
        var created = await PactAsync("broker", "create-environment", "--name", "production", "--display-name", "Production", "--production");
        created.ExitCode.Should().Be(0, created.ToString());

        var beforeDeployment = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion, "--to-environment", "production");
        var recorded = await PactAsync("broker", "record-deployment", "--pacticipant", SamplePact.Provider, "--version", ProviderVersion, "--environment", "production");
        var afterDeployment = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion, "--to-environment", "production");

        beforeDeployment.ExitCode.Should().NotBe(0, "no provider version is deployed to production yet: " + beforeDeployment);
        recorded.ExitCode.Should().Be(0, recorded.ToString());
        afterDeployment.ExitCode.Should().Be(0, afterDeployment.ToString());
        Session.Broker.Requests.Should().Contain([
            "POST /environments",
            "GET /pacticipants/hts-airlines-api/versions/2.0.0",
        ]);
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("POST /pacticipants/hts-airlines-api/versions/2.0.0/deployed-versions/environment/", StringComparison.Ordinal));
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("GET /matrix?", StringComparison.Ordinal) && r.Contains("environment=production", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordDeployment_ToUnknownEnvironment_FailsNamingIt()
    {
        (await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main")).ExitCode.Should().Be(0);

        var recorded = await PactAsync("broker", "record-deployment", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion, "--environment", "staging");

        recorded.ExitCode.Should().NotBe(0, recorded.ToString());
        recorded.Output.Should().Contain("staging");
    }

    [Fact]
    public async Task CreateEnvironment_ThenListEnvironments_ShowsIt()
    {
        var created = await PactAsync("broker", "create-environment", "--name", "staging", "--display-name", "Staging");
        var duplicate = await PactAsync("broker", "create-environment", "--name", "staging");
        var listed = await PactAsync("broker", "list-environments");

        created.ExitCode.Should().Be(0, created.ToString());
        duplicate.ExitCode.Should().NotBe(0, "environment names are unique: " + duplicate);
        listed.ExitCode.Should().Be(0, listed.ToString());
        listed.StandardOutput.Should().Contain("staging").And.Contain("Staging");
        Session.Broker.Requests.Should().Contain("GET /environments");
    }

    [Fact]
    public async Task Publish_WithWrongToken_IsRejected()
    {
        var environment = Session.Environment(("PACT_BROKER_TOKEN", "not-the-token"));

        var published = await CommandRunner.PactAsync(environment, "broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main");
        Record(published);

        published.ExitCode.Should().NotBe(0, published.ToString());
        published.Output.Should().NotContain("not-the-token");
        Session.Broker.BranchesOf(SamplePact.Consumer, ConsumerVersion).Should().BeNull("nothing may be stored without the token");
    }

    private Task<CommandResult> VerifyAsync(ToyProvider provider, bool publish, bool pending)
    {
        var args = new List<string>
        {
            "verifier", "--broker-url", Session.BrokerUrl, "--provider-name", SamplePact.Provider,
            "--hostname", provider.BaseUrl.Host, "--port", provider.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--consumer-version-selectors", """{"mainBranch":true}""",
            "--provider-version", ProviderVersion, "--provider-branch", "main", "--no-colour",
        };
        if (pending)
            args.Add("--enable-pending");
        if (publish)
            args.Add("--publish");
        return PactAsync([.. args]);
    }
}
