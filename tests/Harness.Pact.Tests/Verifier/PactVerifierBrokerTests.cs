namespace Harness.Pact.Tests.Verifier;

/// <summary>What the verifier sends a broker when it publishes results (the round trip is in Harness.Broker.Tests).</summary>
public sealed class PactVerifierBrokerTests
{

    [Fact]
    public async Task Verify_WithProviderBranchOnlyOnTheBrokerSource_PublishesResultsUnderThatBranch()
    {
        await using var provider = await TestProvider.StartAsync();
        await using var broker = await RecordingBroker.StartAsync(RecordingBroker.SessionPact);
        using var verifier = new PactVerifier("hts-airlines-api", "2.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithPactBrokerSource(broker.BaseUri, options => options.ProviderBranch("main").PublishResults());

        await verifier.VerifyAsync();

        broker.Requests.Should().Contain("PUT /pacticipants/hts-airlines-api/branches/main/versions/2.0.0")
            .And.Contain(r => r.EndsWith("/verification-results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_WithPublishBranch_PublishesUnderThePublishBranchNotTheSourceBranch()
    {
        await using var provider = await TestProvider.StartAsync();
        await using var broker = await RecordingBroker.StartAsync(RecordingBroker.SessionPact);
        using var verifier = new PactVerifier("hts-airlines-api", "2.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithPactBrokerSource(broker.BaseUri, options => options.ProviderBranch("main").PublishResults(publish => publish.ProviderBranch("release-7")));

        await verifier.VerifyAsync();

        broker.Requests.Should().Contain("PUT /pacticipants/hts-airlines-api/branches/release-7/versions/2.0.0")
            .And.NotContain(r => r.Contains("/branches/main/", StringComparison.Ordinal));
    }
}
