namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>Message pacts verified by the engine: WithMessages serves each scenario to the native verifier.</summary>
[Collection(OrdersPact.Name)]
public sealed class MessageVerificationTests
{
    private const string OrderCreated = "an event indicating that an order has been created";

    [Fact]
    public void Verify_WithMessagesOnly_VerifiesTheMessageBodyAndMetadata()
    {
        using var verifier = new PactVerifier("Orders API", new PactVerifierConfig { Outputters = [] })
            .WithMessages(scenarios => scenarios.Add(OrderCreated, () => new { id = 7 }))
            .WithFileSource(new FileInfo(ProviderTests.PactFileOrFail()))
            .WithFilter(description: OrderCreated);

        var result = verifier.Verify();

        result.Output.Should().Contain(OrderCreated).And.Contain("has a matching body (OK)");
    }

    [Fact]
    public void Verify_WhenMessageDiffers_FailsNamingTheMismatch()
    {
        using var verifier = new PactVerifier("Orders API", new PactVerifierConfig { Outputters = [] })
            .WithMessages(scenarios => scenarios.Add(OrderCreated, () => new { id = "seven" }))
            .WithFileSource(new FileInfo(ProviderTests.PactFileOrFail()))
            .WithFilter(description: OrderCreated);

        var verify = () => verifier.Verify();

        verify.Should().Throw<PactFailureException>()
            .Which.Message.Should().Contain(OrderCreated)
            .And.Contain("has a matching body (FAILED)")
            .And.Contain("$.id -> Expected 'seven' (String) to be an integer");
    }

    [Fact]
    public void Verify_WhenNoScenarioHasTheDescription_FailsNamingTheMissingScenario()
    {
        using var verifier = new PactVerifier("Orders API", new PactVerifierConfig { Outputters = [] })
            .WithMessages(scenarios => scenarios.Add("an event nobody expects", () => new { id = 7 }))
            .WithFileSource(new FileInfo(ProviderTests.PactFileOrFail()))
            .WithFilter(description: OrderCreated);

        var verify = () => verifier.Verify();

        verify.Should().Throw<PactFailureException>()
            .Which.Message.Should().Contain($"No message scenario for '{OrderCreated}'").And.Contain("'an event nobody expects'");
    }

    [Fact]
    public void WithMessages_SameDescriptionTwice_ThrowsNamingIt()
    {
        using var verifier = new PactVerifier("Orders API");

        var configure = () => verifier.WithMessages(scenarios => scenarios.Add(OrderCreated, () => 1).Add(OrderCreated, () => 2));

        configure.Should().Throw<ArgumentException>().WithMessage($"*'{OrderCreated}' was already added*");
    }
}
