using Harness.Pact.Exceptions;
using Harness.Pact.Verifier;

namespace Harness.Verification.Tests.Provider;

/// <summary>The consumer pacts verified against the sandbox, in process, through Harness.Pact's verifier.</summary>
public sealed class ProviderVerificationTests
{
    [Fact]
    public async Task Verify_GeneratedPact_EveryInteractionPasses()
    {
        using var pacts = new TempDirectory();
        var pactFile = await GeneratedPact.WriteAsync(pacts.Path);
        await using var provider = await ProviderUnderTest.StartAsync();
        using var verifier = provider.Verifier().WithFileSource(new FileInfo(pactFile));

        var result = await verifier.VerifyAsync();

        result.Output.Should().Contain(GeneratedPact.ContractInteraction)
            .And.Contain("a request for a DG contract that does not exist");
    }

    [Fact]
    public async Task Verify_WhenContractResponseLosesField_FailsNamingInteractionAndField()
    {
        using var pacts = new TempDirectory();
        var pactFile = await GeneratedPact.WriteAsync(pacts.Path);
        await using var provider = await ProviderUnderTest.StartAsync();
        await provider.BreakResponseAsync("getCfar_contractsId", "premium");
        using var verifier = provider.Verifier().WithFileSource(new FileInfo(pactFile));

        var verify = () => verifier.VerifyAsync();

        var failure = (await verify.Should().ThrowAsync<PactFailureException>()).Which;
        failure.Message.Should().Contain(GeneratedPact.ContractInteraction)
            .And.Contain("missing the following keys: premium");
    }

    [Fact]
    public async Task Verify_RepoPacts_EveryInteractionPasses()
    {
        if (!RepoPacts.Exist)
        {
            // contracts/pacts arrives with the consumer contract tests; until then the generated pact covers verification.
            return;
        }

        await using var provider = await ProviderUnderTest.StartAsync();
        using var verifier = provider.Verifier().WithDirectorySource(new DirectoryInfo(RepoPacts.Snapshot));

        var result = await verifier.VerifyAsync();

        foreach (var interaction in RepoPacts.Load().Where(p => p.Provider == ProviderUnderTest.ProviderName).SelectMany(p => p.Interactions))
        {
            result.Output.Should().Contain(interaction.Description);
        }
    }

    [Fact]
    public async Task Verify_RepoAtlasPact_EveryInteractionPassesAgainstAtlasBasePath()
    {
        var atlas = RepoPacts.Load().Where(p => p.Provider == ProviderUnderTest.AtlasProviderName).ToList();
        if (atlas.Count == 0)
        {
            // The Atlas pact arrives with the Atlas consumer contract tests.
            return;
        }

        await using var provider = await ProviderUnderTest.StartAsync();
        using var verifier = provider.Verifier(ProviderUnderTest.AtlasProviderName);
        foreach (var pact in atlas)
        {
            verifier.WithFileSource(new FileInfo(pact.Path));
        }

        var result = await verifier.VerifyAsync();

        foreach (var interaction in atlas.SelectMany(p => p.Interactions))
        {
            result.Output.Should().Contain(interaction.Description);
        }

        atlas.SelectMany(p => p.Interactions).Should().OnlyContain(i => i.Request.Path.StartsWith("/atlas/", StringComparison.Ordinal));
    }
}
