namespace Harness.Scenarios.Tests.Journeys;

public sealed class CfarChangesTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task ChangesAfterBooking_OnSandbox_AmendsThenCancelsAndRefusesFurtherChanges()
    {
        var context = await fixture.RunToRefusalAsync(CfarJourneys.ChangesAfterBooking, output, "422 contract_closed");

        var contract = context.CfarContract!;
        contract.Status.Should().Be(CfarStatus.Canceled);
        fixture.StatusInSandbox(contract.Id).Should().Be("canceled");
        var booked = context.Trip.Slices[0][0].Departure;
        contract.Itinerary.Slices[0].Segments[0].DepartureDateTime.Should().NotBe(booked, "the schedule change moved the flights");
    }

    [Fact]
    public async Task VoidBeforeConfirmation_OnSandbox_VoidsAndRefusesConfirmation()
    {
        var context = await fixture.RunToRefusalAsync(CfarJourneys.VoidBeforeConfirmation, output, "422 illegal_transition");

        fixture.StatusInSandbox(context.CfarContract!.Id).Should().Be("voided");
    }

    [Fact]
    public async Task ExternalOffer_OnSandbox_ContractIsConfirmedAtImportedPrice()
    {
        var context = await fixture.RunToSuccessAsync(CfarJourneys.ExternalOffer, output);

        var offer = context.CfarOffer!;
        offer.ExtAttributes.Should().ContainKey("external_id");
        context.CfarContract!.PremiumValue.Should().Be(offer.PremiumValue);
        fixture.StatusInSandbox(context.CfarContract.Id).Should().Be("confirmed");
    }
}
