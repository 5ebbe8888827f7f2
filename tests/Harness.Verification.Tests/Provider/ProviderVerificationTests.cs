using Xunit.Abstractions;

namespace Harness.Verification.Tests.Provider;

/// <summary>The consumer pacts verified against the sandbox, in process, through Harness.Pact's verifier.</summary>
public sealed class ProviderVerificationTests(ITestOutputHelper output)
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

    /// <summary>The HTTP providers the sandbox serves, each with its own pact (the webhook message pact is checked in Messages/).</summary>
    public static TheoryData<string> HttpProviders => new() { ProviderUnderTest.ProviderName, ProviderUnderTest.AtlasProviderName };

    [Theory]
    [MemberData(nameof(HttpProviders))]
    public async Task Verify_RepoPact_FileOrderNoTeardown_EveryInteractionPasses(string provider)
    {
        var pacts = RepoPacts.For(provider);
        await using var sandbox = await ProviderUnderTest.StartAsync();

        await VerifyAsync(sandbox, provider, pacts.Select(p => new FileInfo(p.Path)).ToList(), "file order");
    }

    [Theory]
    [MemberData(nameof(HttpProviders))]
    public async Task Verify_RepoPact_ShuffledNoTeardown_EveryInteractionPasses(string provider)
    {
        var pacts = RepoPacts.For(provider);
        using var shuffled = new TempDirectory();
        var seed = ShuffledPacts.Seed();
        output.WriteLine($"Shuffle seed {seed} (HARNESS_SHUFFLE_SEED={seed} replays this order)");
        await using var sandbox = await ProviderUnderTest.StartAsync();

        await VerifyAsync(sandbox, provider, ShuffledPacts.Write(pacts, shuffled.Path, seed), $"shuffled, seed {seed}");
    }

    [Fact]
    public async Task Verify_RepoPacts_SameSandboxTwiceNoTeardown_EveryInteractionPasses()
    {
        var seed = ShuffledPacts.Seed();
        output.WriteLine($"Shuffle seeds {seed}, {seed + 1} (HARNESS_SHUFFLE_SEED={seed} replays these orders)");
        await using var sandbox = await ProviderUnderTest.StartAsync();

        // One sandbox, never restarted: every HTTP pact in file order, then shuffled, and all of it a second time.
        for (var round = 0; round < 2; round++)
        {
            foreach (var provider in new[] { ProviderUnderTest.ProviderName, ProviderUnderTest.AtlasProviderName })
            {
                var pacts = RepoPacts.For(provider);
                using var shuffled = new TempDirectory();
                await VerifyAsync(sandbox, provider, pacts.Select(p => new FileInfo(p.Path)).ToList(), $"round {round + 1}, file order");
                await VerifyAsync(sandbox, provider, ShuffledPacts.Write(pacts, shuffled.Path, seed + round), $"round {round + 1}, shuffled, seed {seed + round}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(HttpProviders))]
    public async Task Verify_RepoPact_WithTeardown_EveryInteractionPasses(string provider)
    {
        var pacts = RepoPacts.For(provider);
        await using var sandbox = await ProviderUnderTest.StartAsync();

        await VerifyAsync(sandbox, provider, pacts.Select(p => new FileInfo(p.Path)).ToList(), "file order, with teardown", teardown: true);
    }

    [Fact]
    public void RepoAtlasPact_EveryInteraction_AddressesTheAtlasBasePath() =>
        RepoPacts.For(ProviderUnderTest.AtlasProviderName).SelectMany(p => p.Interactions)
            .Should().OnlyContain(i => i.Request.Path.StartsWith("/atlas/", StringComparison.Ordinal));

    [Fact]
    public void PactFolder_Empty_FailsNamingTheCommandThatWritesThePacts()
    {
        using var empty = new TempDirectory();

        var snapshot = () => RepoPacts.RequireSnapshot(empty.Path);

        snapshot.Should().Throw<InvalidOperationException>().WithMessage($"*holds no pact*{RepoPacts.WriteCommand}*");
    }

    [Fact]
    public void PactFolder_Missing_FailsNamingTheCommandThatWritesThePacts()
    {
        using var parent = new TempDirectory();

        var snapshot = () => RepoPacts.RequireSnapshot(Path.Combine(parent.Path, "pacts"));

        snapshot.Should().Throw<InvalidOperationException>().WithMessage($"*does not exist*{RepoPacts.WriteCommand}*");
    }

    /// <summary>
    /// Verifies <paramref name="files"/> against <paramref name="sandbox"/>. The verifier throws on any failing
    /// interaction; its output must also name every interaction, so none was skipped.
    /// </summary>
    private async Task VerifyAsync(ProviderUnderTest sandbox, string provider, IReadOnlyList<FileInfo> files, string order, bool teardown = false)
    {
        files.Should().NotBeEmpty();
        using var verifier = sandbox.Verifier(provider, teardown);
        foreach (var file in files)
        {
            verifier.WithFileSource(file);
        }

        PactVerificationResult result;
        try
        {
            result = await verifier.VerifyAsync();
        }
        catch (PactFailureException failure)
        {
            throw new Xunit.Sdk.XunitException($"{provider} ({order}): {failure.Message}");
        }

        var descriptions = files.SelectMany(ShuffledPacts.Descriptions).ToList();
        output.WriteLine($"{provider} ({order}): {descriptions.Count} interactions verified");
        descriptions.Where(d => !result.Output.Contains(d, StringComparison.Ordinal)).Should().BeEmpty($"every interaction is verified ({provider}, {order})");
    }
}
