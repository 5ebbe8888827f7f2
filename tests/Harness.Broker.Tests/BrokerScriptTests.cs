namespace Harness.Broker.Tests;

/// <summary>tools/pact/broker, the users' one command, run as a child process against <see cref="PactBrokerTestDouble"/>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class BrokerScriptTests(ITestOutputHelper output) : BrokerSessionTest(output)
{

    [Fact]
    public async Task Publish_WithVersionBranchAndBuildUrlFromEnvironment_RecordsThemAtTheBroker()
    {
        var published = await ScriptAsync(ConsumerEnvironment("3.1.4", "feature/refunds", ("HARNESS_BUILD_URL", "https://ci.example/builds/42")),
            "publish", Session.PactDirectory);

        published.ExitCode.Should().Be(0, published.ToString());
        published.StandardError.Should().Contain($"+ pact broker publish {Session.PactDirectory} --consumer-app-version 3.1.4 --branch feature/refunds --build-url https://ci.example/builds/42");
        Session.Broker.BranchesOf(SamplePact.Consumer, "3.1.4").Should().Equal("feature/refunds");
        Session.Broker.Requests.Should().Contain("POST /contracts/publish");
    }

    [Fact]
    public async Task Publish_WithoutConsumerVersion_UsesTheGitCommit()
    {
        var head = await CommandRunner.RunAsync("git", ["rev-parse", "HEAD"], new Dictionary<string, string>());
        var commit = head.StandardOutput.Trim();
        commit.Should().MatchRegex("^[0-9a-f]{40}$", head.ToString());

        var published = await ScriptAsync(Session.Environment(("HARNESS_BRANCH", "main")), "publish", Session.PactDirectory);

        published.ExitCode.Should().Be(0, published.ToString());
        Session.Broker.BranchesOf(SamplePact.Consumer, commit).Should().Equal("main");
    }

    /// <summary>A missing setting stops publish before any request, naming the variable to set.</summary>
    [Theory]
    [InlineData("PACT_BROKER_BASE_URL", null, "PACT_BROKER_BASE_URL is not set")]
    [InlineData("PACT_BROKER_TOKEN", null, "PACT_BROKER_TOKEN is not set")]
    [InlineData("PACT_BROKER_TOKEN", "ci", "PACT_BROKER_PASSWORD is not set")]
    public async Task Publish_WithoutASetting_FailsNamingTheVariable(string removed, string? username, string message)
    {
        var environment = username is null
            ? ConsumerEnvironment("1.0.0", "main")
            : ConsumerEnvironment("1.0.0", "main", ("PACT_BROKER_USERNAME", username));
        environment.Remove(removed);

        var published = await ScriptAsync(environment, "publish", Session.PactDirectory);

        published.ExitCode.Should().Be(2, published.ToString());
        published.StandardError.Should().Contain(message);
        Session.Broker.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Publish_FromMissingDirectory_FailsNamingIt()
    {
        var missing = Path.Combine(Session.PactDirectory, "nowhere");

        var published = await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "publish", missing);

        published.ExitCode.Should().Be(2, published.ToString());
        published.StandardError.Should().Contain($"pact directory '{missing}' does not exist");
        Session.Broker.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Publish_WithBasicAuthAndAnEmptyTokenVariable_UsesBasicAuth()
    {
        // The broker-e2e CI job sets PACT_BROKER_TOKEN to "" next to basic auth for its throwaway broker.
        const string password = "e2e-password-91ab";
        await using var broker = await PactBrokerTestDouble.StartAsync(requiredBasicAuth: $"harness:{password}");
        var environment = new Dictionary<string, string>
        {
            ["PACT_BROKER_BASE_URL"] = broker.BaseUrl.ToString(),
            ["PACT_BROKER_TOKEN"] = "",
            ["PACT_BROKER_USERNAME"] = "harness",
            ["PACT_BROKER_PASSWORD"] = password,
            ["HARNESS_CONSUMER_VERSION"] = "1.0.0",
            ["HARNESS_BRANCH"] = "main",
        };

        var published = await ScriptAsync(environment, "publish", Session.PactDirectory);

        published.ExitCode.Should().Be(0, published.ToString());
        published.Output.Should().NotContain(password);
        broker.BranchesOf(SamplePact.Consumer, "1.0.0").Should().Equal("main");
    }

    [Fact]
    public async Task Pipeline_PublishVerifyAndDeploy_GatesEachDeployOnTheBroker()
    {
        await using var provider = await ToyProvider.StartAsync();
        var consumer = ConsumerEnvironment("1.0.0", "main");

        var published = await ScriptAsync(consumer, "publish", Session.PactDirectory);
        var verified = await ScriptAsync(ProviderEnvironment(provider, "2.0.0", "main", ("HARNESS_PUBLISH_VERIFICATION", "true")), "verify");
        var canIDeploy = await ScriptAsync(consumer, "can-i-deploy");
        var created = await ScriptAsync(consumer, "create-environment", "--name", "production", "--production");
        var beforeDeployment = await ScriptAsync(consumer, "can-i-deploy", "--to-environment", "production");
        var recorded = await ScriptAsync(consumer, "record-deployment", "--pacticipant", SamplePact.Provider, "--version", "2.0.0", "--environment", "production");
        var afterDeployment = await ScriptAsync(consumer, "can-i-deploy", "--to-environment", "production");

        published.ExitCode.Should().Be(0, published.ToString());
        verified.ExitCode.Should().Be(0, verified.ToString());
        canIDeploy.ExitCode.Should().Be(0, canIDeploy.ToString());
        created.ExitCode.Should().Be(0, created.ToString());
        beforeDeployment.ExitCode.Should().Be(1, "the provider is not in production yet: " + beforeDeployment);
        recorded.ExitCode.Should().Be(0, recorded.ToString());
        afterDeployment.ExitCode.Should().Be(0, afterDeployment.ToString());
        Session.Broker.Verifications().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new PublishedVerification(SamplePact.Consumer, SamplePact.Provider, "2.0.0", ["main"], Success: true));
    }

    [Fact]
    public async Task Verify_AsksTheBrokerForMainBranchDeployedAndMatchingBranchPactsWithPendingAndWip()
    {
        await using var provider = await ToyProvider.StartAsync();
        (await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);

        var verified = await ScriptAsync(ProviderEnvironment(provider, "2.0.0", "feature/refunds"), "verify");

        verified.ExitCode.Should().Be(0, verified.ToString());
        var request = JsonNode.Parse(Session.Broker.ForVerificationRequests().Should().ContainSingle().Subject)!;
        request["consumerVersionSelectors"]!.ToJsonString().Should().Be("""[{"mainBranch":true},{"deployedOrReleased":true},{"matchingBranch":true}]""");
        request["providerVersionBranch"]!.GetValue<string>().Should().Be("feature/refunds");
        request["includePendingStatus"]!.GetValue<bool>().Should().BeTrue();
        request["includeWipPactsSince"]!.GetValue<string>().Should().StartWith("2024-01-01");
    }

    [Fact]
    public async Task Verify_WithoutPublishFlag_PublishesNoResults()
    {
        await using var provider = await ToyProvider.StartAsync();
        (await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);

        var verified = await ScriptAsync(ProviderEnvironment(provider, "2.0.0", "main"), "verify");

        verified.ExitCode.Should().Be(0, verified.ToString());
        verified.StandardError.Should().NotContain("--publish");
        Session.Broker.Verifications().Should().BeEmpty();
        Session.Broker.Requests.Should().NotContain(r => r.EndsWith("/verification-results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WhenProviderBreaksAVerifiedPact_ExitsNonZeroAndPublishesTheFailure()
    {
        (await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);
        await using (var good = await ToyProvider.StartAsync())
            (await ScriptAsync(ProviderEnvironment(good, "2.0.0", "main", ("HARNESS_PUBLISH_VERIFICATION", "true")), "verify")).ExitCode.Should().Be(0);
        await using var broken = await ToyProvider.StartAsync(breaksContract: true);

        var verified = await ScriptAsync(ProviderEnvironment(broken, "2.1.0", "main", ("HARNESS_PUBLISH_VERIFICATION", "true")), "verify");
        var canIDeploy = await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "can-i-deploy", "--pacticipant", SamplePact.Provider, "--version", "2.1.0");

        verified.ExitCode.Should().NotBe(0, "the pact is no longer pending once main verified it: " + verified);
        verified.StandardOutput.Should().Contain("Actual map is missing the following keys: status");
        canIDeploy.ExitCode.Should().Be(1, canIDeploy.ToString());
        Session.Broker.Verifications().Select(v => (v.ProviderVersion, v.Success)).Should().Equal(("2.0.0", true), ("2.1.0", false));
    }

    [Fact]
    public async Task Verify_PactOnlyOnAConsumerFeatureBranch_IsVerifiedAsWorkInProgressWithoutFailingTheBuild()
    {
        (await ScriptAsync(ConsumerEnvironment("1.1.0", "feature/seat-upsell"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);
        await using var broken = await ToyProvider.StartAsync(breaksContract: true);

        var verified = await ScriptAsync(ProviderEnvironment(broken, "2.0.0", "main"), "verify");

        verified.ExitCode.Should().Be(0, "a failing WIP pact must not fail the provider build: " + verified);
        verified.StandardOutput.Should().Contain("work in progress").And.Contain("has a matching body (FAILED)");
    }

    [Fact]
    public async Task Verify_SelectsTheDeployedConsumerVersionAlongsideMainBranch()
    {
        var consumer = ConsumerEnvironment("1.0.0", "main");
        (await ScriptAsync(consumer, "publish", Session.PactDirectory)).ExitCode.Should().Be(0);
        (await ScriptAsync(consumer, "create-environment", "--name", "production")).ExitCode.Should().Be(0);
        (await ScriptAsync(consumer, "record-deployment", "--environment", "production")).ExitCode.Should().Be(0);
        SamplePact.WriteTo(Session.PactDirectory, revision: 2);
        (await ScriptAsync(ConsumerEnvironment("1.1.0", "main"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);
        await using var provider = await ToyProvider.StartAsync();

        var verified = await ScriptAsync(ProviderEnvironment(provider, "2.0.0", "main"), "verify");

        verified.ExitCode.Should().Be(0, verified.ToString());
        verified.StandardOutput.Should().Contain("""{"deployedOrReleased":true} (consumer version(s) 1.0.0)""")
            .And.Contain("""{"mainBranch":true}, {"matchingBranch":true} (consumer version(s) 1.1.0)""", "the provider is on main too");
        Session.Broker.Requests.Where(r => r.StartsWith("GET /pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/", StringComparison.Ordinal))
            .Should().HaveCount(2, "the deployed and the main-branch pacts differ in content");
    }

    [Fact]
    public async Task Verify_OnAProviderFeatureBranch_SelectsTheConsumerPactFromTheMatchingBranch()
    {
        (await ScriptAsync(ConsumerEnvironment("1.2.0", "feature/refunds"), "publish", Session.PactDirectory)).ExitCode.Should().Be(0);
        await using var provider = await ToyProvider.StartAsync();

        var verified = await ScriptAsync(ProviderEnvironment(provider, "2.2.0", "feature/refunds"), "verify");

        verified.ExitCode.Should().Be(0, verified.ToString());
        verified.StandardOutput.Should().Contain("""{"matchingBranch":true} (consumer version(s) 1.2.0)""")
            .And.NotContain("work in progress");
    }

    [Fact]
    public async Task CanIDeploy_WhenTheTokenAppearsInArguments_MasksItInEveryLine()
    {
        var canIDeploy = await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "can-i-deploy", "--pacticipant", BrokerSession.Token);

        canIDeploy.ExitCode.Should().NotBe(0, canIDeploy.ToString());
        canIDeploy.StandardError.Should().Contain("+ pact broker can-i-deploy --pacticipant *** --version 1.0.0");
        canIDeploy.StandardOutput.Should().Contain("No version of ***");
    }

    [Theory]
    [InlineData("", "HARNESS_PROVIDER_URL is not set")]
    [InlineData("localhost:8080", "provider URL 'localhost:8080' is not an http(s)://host[:port][/path] URL")]
    public async Task Verify_WithoutAUsableProviderUrl_FailsNamingIt(string providerUrl, string message)
    {
        var verified = await ScriptAsync(Session.Environment(("HARNESS_PROVIDER_URL", providerUrl)), "verify");

        verified.ExitCode.Should().Be(2, verified.ToString());
        verified.StandardError.Should().Contain(message);
        Session.Broker.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task CanIDeploy_WithoutTheInstalledCli_FailsNamingTheFix()
    {
        var canIDeploy = await ScriptAsync(ConsumerEnvironment("1.0.0", "main", ("PACT_CLI", "/nonexistent/pact")), "can-i-deploy");

        canIDeploy.ExitCode.Should().Be(2, canIDeploy.ToString());
        canIDeploy.StandardError.Should().Contain("the pact CLI is not installed at /nonexistent/pact: run 'npm ci' in tools/pact");
    }

    [Fact]
    public async Task RecordDeployment_WithoutEnvironment_FailsNamingTheOption()
    {
        var recorded = await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "record-deployment");

        recorded.ExitCode.Should().Be(2, recorded.ToString());
        recorded.StandardError.Should().Contain("record-deployment needs --environment ENV");
    }

    [Fact]
    public async Task UnknownVerb_FailsWithUsage()
    {
        var result = await ScriptAsync(ConsumerEnvironment("1.0.0", "main"), "deploy");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StandardError.Should().Contain("unknown verb 'deploy'").And.Contain("Usage: tools/pact/broker");
    }

    private Dictionary<string, string> ConsumerEnvironment(string version, string branch, params (string Name, string Value)[] extra) =>
        Session.Environment([("HARNESS_CONSUMER_VERSION", version), ("HARNESS_BRANCH", branch), .. extra]);

    private Dictionary<string, string> ProviderEnvironment(ToyProvider provider, string version, string branch, params (string Name, string Value)[] extra) =>
        Session.Environment([
            ("HARNESS_PROVIDER_URL", provider.BaseUrl.ToString()),
            ("HARNESS_PROVIDER_VERSION", version),
            ("HARNESS_PROVIDER_BRANCH", branch),
            .. extra]);

    private async Task<CommandResult> ScriptAsync(Dictionary<string, string> environment, params string[] args) =>
        Record(await CommandRunner.BrokerScriptAsync(environment, args));
}
