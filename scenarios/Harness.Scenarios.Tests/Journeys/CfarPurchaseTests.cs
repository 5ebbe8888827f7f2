namespace Harness.Scenarios.Tests.Journeys;

public sealed class CfarPurchaseTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task PurchaseAirlineMerchant_OnSandbox_ConfirmsContractAsOffered()
    {
        var eventsBefore = fixture.Target.Sandbox!.State.Counts().Events;

        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseAirlineMerchant, output);

        var contract = context.CfarContract!;
        contract.Status.Should().Be(CfarStatus.Confirmed);
        fixture.StatusInSandbox(contract.Id).Should().Be("confirmed");
        contract.PnrReference.Should().NotBeNullOrEmpty();
        contract.PremiumValue.Should().Be(context.CfarOffer!.PremiumValue);
        contract.CoverageValue.Should().Be(context.CfarOffer.CoverageValue);
        contract.Currency.Should().Be(context.Trip.Currency.Code);
        fixture.Target.Sandbox.State.Counts().Events.Should().Be(eventsBefore + 2, "offers_displayed and booking_confirmed were sent");
    }

    [Fact]
    public async Task PurchaseHtsMerchant_OnSandbox_PaymentConfirmsContract()
    {
        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseHtsMerchant, output);

        context.PaymentSucceeded.Should().BeTrue();
        context.CfarContract!.Status.Should().Be(CfarStatus.Confirmed);
        fixture.StatusInSandbox(context.CfarContract.Id).Should().Be("confirmed");
    }

    [Fact]
    public async Task PurchaseHtsMerchantDeclined_OnSandbox_ReportsDeclineAndContractStaysCreated()
    {
        var context = await fixture.RunToSuccessAsync(CfarJourneys.PurchaseHtsMerchantDeclined, output);

        context.PaymentSucceeded.Should().BeFalse();
        fixture.StatusInSandbox(context.CfarContract!.Id).Should().Be("created");
    }

    [Fact]
    public async Task PurchaseHtsMerchant_WithDeclinedToken_FailsAtPaymentStep()
    {
        var context = fixture.NewContext(output);
        context.PaymentToken = context.DeclinedPaymentToken;

        var (result, _) = await fixture.RunAsync(CfarJourneys.PurchaseHtsMerchant, output, context);

        result.Succeeded.Should().BeFalse();
        result.Failure!.StepName.Should().Be(CfarSteps.ProcessPaymentStep.Name);
        result.Failure.Expected.Should().Be("payment succeeded True");
        result.Failure.Actual.Should().Be("payment succeeded False");
        result.Steps.Should().HaveCount(5, "the journey stops at the failed step");
        fixture.StatusInSandbox(context.CfarContract!.Id).Should().Be("created");
    }
}
