using Harness.Pact.Exceptions;
using Harness.Pact.Verifier;

namespace Harness.Broker.Tests;

/// <summary>
/// Pacts published with the official CLI, verified from <see cref="PactBrokerTestDouble"/> by the harness's own
/// <see cref="PactVerifier"/> (pact_ffi in process), and gated by the official <c>can-i-deploy</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class HarnessVerifierRoundTripTests(ITestOutputHelper output) : BrokerSessionTest(output)
{
    private const string ConsumerVersion = "1.0.0";
    private const string ProviderVersion = "2.0.0";
    private static readonly DateOnly WipSince = new(2024, 1, 1);

    [Fact]
    public async Task Verify_WithSelectorsPendingWipAndBranch_PublishesSuccessAndCanIDeployAnswersYes()
    {
        await PublishAsync();
        await using var provider = await ToyProvider.StartAsync();
        using var verifier = BrokerVerifier(provider, pending: true);

        var result = await verifier.VerifyAsync();
        RecordVerifierOutput(result.Output);

        result.Output.Should().Contain("a request for the API status").And.Contain("a request for a CFAR contract");
        Session.Broker.Verifications().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new PublishedVerification(SamplePact.Consumer, SamplePact.Provider, ProviderVersion, ["main"], Success: true));
        var asked = JsonNode.Parse(Session.Broker.ForVerificationRequests().Should().ContainSingle().Subject)!.AsObject();
        asked["consumerVersionSelectors"]!.ToJsonString().Should().Be("""[{"mainBranch":true},{"deployedOrReleased":true},{"matchingBranch":true}]""");
        asked["includePendingStatus"]!.GetValue<bool>().Should().BeTrue();
        asked["includeWipPactsSince"]!.GetValue<string>().Should().Be("2024-01-01");
        asked["providerVersionBranch"]!.GetValue<string>().Should().Be("main");
        Session.Broker.Requests.Should().Contain([
            "GET /",
            "POST /pacts/provider/hts-airlines-api/for-verification",
            "PUT /pacticipants/hts-airlines-api/branches/main/versions/2.0.0",
        ]);
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("GET /pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/", StringComparison.Ordinal));
        Session.Broker.Requests.Should().Contain(r => r.StartsWith("POST /pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/", StringComparison.Ordinal) && r.EndsWith("/verification-results", StringComparison.Ordinal));

        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);

        canIDeploy.ExitCode.Should().Be(0, canIDeploy.ToString());
        canIDeploy.StandardOutput.Should().Contain("All required verification results are published and successful");
    }

    [Fact]
    public async Task Verify_WhenProviderBreaksContract_ThrowsNamingInteractionAndCanIDeployAnswersNo()
    {
        await PublishAsync();
        await using var provider = await ToyProvider.StartAsync(breaksContract: true);
        using var verifier = BrokerVerifier(provider, pending: false);

        var verify = async () => await verifier.VerifyAsync();

        var failure = (await verify.Should().ThrowAsync<PactFailureException>()).Which;
        RecordVerifierOutput(failure.Message);
        failure.Message.Should().Contain("a request for a CFAR contract").And.Contain("status");
        Session.Broker.Verifications().Should().ContainSingle().Which.Should().BeEquivalentTo(
            new PublishedVerification(SamplePact.Consumer, SamplePact.Provider, ProviderVersion, ["main"], Success: false));
        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);
        canIDeploy.ExitCode.Should().NotBe(0, canIDeploy.ToString());
        canIDeploy.StandardOutput.Should().Contain("failed");
    }

    [Fact]
    public async Task Verify_WhenPendingPactFails_DoesNotThrowButPublishesFailure()
    {
        await PublishAsync();
        await using var provider = await ToyProvider.StartAsync(breaksContract: true);
        using var verifier = BrokerVerifier(provider, pending: true);

        var result = await verifier.VerifyAsync();
        RecordVerifierOutput(result.Output);

        // The pact has never been verified by branch main, so the broker marks it pending and pact_ffi reports success.
        result.Output.Should().Contain("pending").And.Contain("a request for a CFAR contract");
        JsonNode.Parse(result.Json!)!["result"]!.GetValue<bool>().Should().BeTrue();
        Session.Broker.Verifications().Should().ContainSingle().Which.Success.Should().BeFalse();
        var canIDeploy = await PactAsync("broker", "can-i-deploy", "--pacticipant", SamplePact.Consumer, "--version", ConsumerVersion);
        canIDeploy.ExitCode.Should().NotBe(0, canIDeploy.ToString());
    }

    [Fact]
    public async Task Verify_WithWrongToken_FailsWithoutPrintingEitherToken()
    {
        const string wrongToken = "hx-wrong-token-91aa";
        await PublishAsync();
        await using var provider = await ToyProvider.StartAsync();
        using var verifier = new PactVerifier(SamplePact.Provider, ProviderVersion)
            .WithHttpEndpoint(provider.BaseUrl)
            .WithPactBrokerSource(Session.Broker.BaseUrl, broker => broker
                .TokenAuthentication(wrongToken)
                .ConsumerVersionSelectors("""{"mainBranch":true}""")
                .PublishResults());

        var verify = async () => await verifier.VerifyAsync();

        var failure = (await verify.Should().ThrowAsync<PactFailureException>()).Which;
        RecordVerifierOutput(failure.Message);
        failure.Message.Should().NotContain(wrongToken);
        Session.Broker.Verifications().Should().BeEmpty();
    }

    [Fact]
    public async Task Verify_WithProviderBranchOnlyOnTheSource_PublishesResultsUnderThatBranch()
    {
        await PublishAsync();
        await using var provider = await ToyProvider.StartAsync();
        using var verifier = BranchOnlyVerifier(provider);

        RecordVerifierOutput((await verifier.VerifyAsync()).Output);

        Session.Broker.Verifications().Should().ContainSingle().Which.ProviderBranches.Should().Equal("main");
    }

    [Fact]
    public async Task Verify_AfterTheBranchVerifiedThePact_PendingNoLongerShieldsAFailure()
    {
        await PublishAsync();
        await using (var honest = await ToyProvider.StartAsync())
        {
            using var first = BranchOnlyVerifier(honest);
            RecordVerifierOutput((await first.VerifyAsync()).Output);
        }

        await using var broken = await ToyProvider.StartAsync(breaksContract: true);
        using var second = BranchOnlyVerifier(broken);
        var verify = async () => await second.VerifyAsync();

        // Branch main has now verified this pact successfully, so it is no longer pending and a regression fails the build.
        var failure = (await verify.Should().ThrowAsync<PactFailureException>()).Which;
        RecordVerifierOutput(failure.Message);
        failure.Message.Should().Contain("a request for a CFAR contract").And.NotContain("is in pending state");
        Session.Broker.Verifications().Select(v => v.Success).Should().Equal(true, false);
    }

    [Fact]
    public async Task Verify_WithWipSince_AlsoVerifiesTheLatestPactOfAnotherConsumerBranch()
    {
        await PublishAsync();
        var featureDirectory = Path.Combine(Path.GetDirectoryName(Session.PactDirectory)!, "feature-pacts");
        SamplePact.WriteTo(featureDirectory, revision: 2);
        var feature = await PactAsync("broker", "publish", featureDirectory, "--consumer-app-version", "1.1.0", "--branch", "feat-seats");
        feature.ExitCode.Should().Be(0, feature.ToString());
        await using var provider = await ToyProvider.StartAsync();
        using var verifier = new PactVerifier(SamplePact.Provider, ProviderVersion)
            .WithHttpEndpoint(provider.BaseUrl)
            .WithPactBrokerSource(Session.Broker.BaseUrl, broker => broker
                .TokenAuthentication(BrokerSession.Token)
                .ConsumerVersionSelectors("""{"mainBranch":true}""")
                .EnablePending()
                .IncludeWipPactsSince(WipSince)
                .ProviderBranch("main")
                .PublishResults(publish => publish.ProviderBranch("main")));

        var result = await verifier.VerifyAsync();
        RecordVerifierOutput(result.Output);

        result.Output.Should().Contain("'work in progress' pact");
        Session.Broker.Requests.Where(r => r.StartsWith("GET /pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/", StringComparison.Ordinal))
            .Should().HaveCount(2, "the main-branch pact and the feat-seats WIP pact differ in content");
        Session.Broker.Verifications().Should().HaveCount(2).And.OnlyContain(v => v.Success && v.ProviderVersion == ProviderVersion);
    }

    private PactVerifier BrokerVerifier(ToyProvider provider, bool pending) =>
        new PactVerifier(SamplePact.Provider, ProviderVersion)
            .WithHttpEndpoint(provider.BaseUrl)
            .WithPactBrokerSource(Session.Broker.BaseUrl, broker =>
            {
                broker.TokenAuthentication(BrokerSession.Token)
                    .ConsumerVersionSelectors(new { MainBranch = true }, new { DeployedOrReleased = true }, new { MatchingBranch = true })
                    .IncludeWipPactsSince(WipSince)
                    .ProviderBranch("main")
                    .PublishResults(publish => publish.ProviderBranch("main"));
                if (pending)
                    broker.EnablePending();
            });

    /// <summary>Provider branch given on the source only: results must still be recorded under it.</summary>
    private PactVerifier BranchOnlyVerifier(ToyProvider provider) =>
        new PactVerifier(SamplePact.Provider, ProviderVersion)
            .WithHttpEndpoint(provider.BaseUrl)
            .WithPactBrokerSource(Session.Broker.BaseUrl, broker => broker
                .TokenAuthentication(BrokerSession.Token)
                .ConsumerVersionSelectors("""{"mainBranch":true}""")
                .EnablePending()
                .ProviderBranch("main")
                .PublishResults());

    private async Task PublishAsync()
    {
        var published = await PactAsync("broker", "publish", Session.PactDirectory, "--consumer-app-version", ConsumerVersion, "--branch", "main");
        published.ExitCode.Should().Be(0, published.ToString());
    }
}
