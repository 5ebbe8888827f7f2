namespace Harness.Scenarios.Tests.Journeys;

public sealed class DgTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task PurchaseAirlineMerchant_OnSandbox_ConfirmsContractAsOffered()
    {
        var context = await fixture.RunToSuccessAsync(DgJourneys.PurchaseAirlineMerchant, output);

        var contract = context.DgContract!;
        contract.Status.Should().Be(DgStatus.Confirmed);
        fixture.StatusInSandbox(contract.Id).Should().Be("confirmed");
        contract.ServiceCapValue.Should().Be(context.DgOffer!.ServiceCapValue);
    }

    [Fact]
    public async Task PurchaseHtsMerchant_OnSandbox_PaymentConfirmsContract()
    {
        var context = await fixture.RunToSuccessAsync(DgJourneys.PurchaseHtsMerchant, output);

        context.PaymentSucceeded.Should().BeTrue();
        fixture.StatusInSandbox(context.DgContract!.Id).Should().Be("confirmed");
    }

    [Fact]
    public async Task PurchaseHtsMerchantDeclined_OnSandbox_ContractStaysCreated()
    {
        var context = await fixture.RunToSuccessAsync(DgJourneys.PurchaseHtsMerchantDeclined, output);

        context.PaymentSucceeded.Should().BeFalse();
        fixture.StatusInSandbox(context.DgContract!.Id).Should().Be("created");
    }

    [Fact]
    public async Task Changes_OnSandbox_MovesSlicesQueuesConfirmsAndCancels()
    {
        var context = await fixture.RunToRefusalAsync(DgJourneys.Changes, output, "422 contract_closed");

        fixture.StatusInSandbox(context.DgContract!.Id).Should().Be("canceled");
        context.DgContract.Itinerary.Slices[0].Segments[0].DepartureDateTime.Should().NotBe(context.Trip.Slices[0][0].Departure);
    }

    [Fact]
    public async Task QueuedThenFailed_OnSandbox_FailsAndRefusesConfirmation()
    {
        var context = await fixture.RunToRefusalAsync(DgJourneys.QueuedThenFailed, output, "422 illegal_transition");

        fixture.StatusInSandbox(context.DgContract!.Id).Should().Be("failed");
    }

    [Fact]
    public async Task Exercise_OnSandbox_SessionLookupNamesExerciseSession()
    {
        var context = await fixture.RunToSuccessAsync(DgJourneys.Exercise, output);

        context.DgExerciseSessionId.Should().NotBeNullOrEmpty();
        fixture.Target.Sandbox!.State.DgExerciseSession(context.DgExercise!.Id).Should().Be(context.DgExerciseSessionId);
        context.PayoutReceipt!.ContentType.Should().StartWith("application/pdf", "the receipt found through the exercise's session");
    }

    [Fact]
    public async Task ExerciseUnconfirmedContract_OnSandbox_IsRefusedWith422()
    {
        var context = await fixture.RunToRefusalAsync(DgJourneys.ExerciseUnconfirmedContract, output, "422 not_confirmed");

        context.DgExercise.Should().BeNull();
    }
}
