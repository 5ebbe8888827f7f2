namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>PactNet's source and provider-state options: consumer filters, query-style states, teardown calls.</summary>
public sealed class VerifierSourceTests : ScratchPacts
{
    [Fact]
    public async Task WithDirectorySource_WithConsumers_VerifiesOnlyTheirPacts()
    {
        await WriteSessionPactAsync("partner-a", "a request from partner a");
        await WriteSessionPactAsync("partner-b", "a request from partner b");
        await using var provider = await TestProvider.StartAsync();
        using var verifier = new PactVerifier("hts-airlines-api", new PactVerifierConfig { Outputters = [] })
            .WithHttpEndpoint(provider.BaseUri)
            .WithDirectorySource(new DirectoryInfo(Pacts.Path), "partner-b");

        var result = verifier.Verify();

        result.Output.Should().Contain("a request from partner b").And.NotContain("a request from partner a");
    }

    [Fact]
    public async Task WithProviderStateUrl_QueryStyleWithTeardown_PassesStateInTheQueryBeforeAndAfter()
    {
        await WriteSessionPactAsync("partner-a", "a request from partner a");
        await using var provider = await TestProvider.StartAsync();
        using var verifier = new PactVerifier("hts-airlines-api", new PactVerifierConfig { Outputters = [] })
            .WithHttpEndpoint(provider.BaseUri)
            .WithDirectorySource(new DirectoryInfo(Pacts.Path))
            .WithProviderStateUrl(provider.ProviderStatesUri, options => options.WithTeardown().WithStyle(ProviderStateStyle.Query));

        verifier.Verify();

        provider.StateCalls.Should().BeEmpty("query style sends no body");
        provider.StateQueries.Should().Equal("state=a session exists&action=setup", "state=a session exists&action=teardown");
    }

    private async Task WriteSessionPactAsync(string consumer, string description)
    {
        using var pact = Pact.V4(consumer, "hts-airlines-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] }).WithHttpInteractions();
        pact.UponReceiving(description)
            .Given("a session exists")
            .WithRequest(HttpMethod.Get, "/sessions/s-1")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK);
        await pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "sessions/s-1"))).Dispose());
    }
}
