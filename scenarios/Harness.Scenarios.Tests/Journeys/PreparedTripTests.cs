using Harness.TestData;

namespace Harness.Scenarios.Tests.Journeys;

/// <summary>Journey contexts created from a prepared trip, as the load profiles create them: no faker per iteration.</summary>
public sealed class PreparedTripTests(SandboxFixture fixture, ITestOutputHelper output) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task PurchaseSteps_PreparedTripWithoutFakers_SendThePreparedBodiesAndConfirm()
    {
        var prepared = PreparedTrip.Generate(fixture.NewContext(output).Fakers);
        var context = new JourneyContext(fixture.Target.Client, prepared);

        await SessionSteps.CreatePurchaseSession(context);
        await CfarSteps.CreateOffers(context);
        await CfarSteps.CreateContract(context);
        await CfarSteps.ConfirmContract(context);

        context.Trip.Should().BeSameAs(prepared.Trip);
        context.CfarOffer!.Currency.Should().Be(prepared.Trip.Currency.Code);
        context.CfarContract!.Status.Should().Be(CfarStatus.Confirmed);
        context.CfarContract.PnrReference.Should().Be(prepared.CfarConfirmation.PnrReference);
        fixture.StatusInSandbox(context.CfarContract.Id).Should().Be("confirmed");
    }

    [Fact]
    public async Task PurchaseHtsMerchant_PreparedTripWithFakers_RunsTheWholeJourney()
    {
        var fakers = fixture.NewContext(output).Fakers;
        var context = new JourneyContext(fixture.Target.Client, PreparedTrip.Generate(fakers), fakers: fakers);

        await fixture.RunToSuccessAsync(CfarJourneys.PurchaseHtsMerchant, output, context);

        context.PaymentSucceeded.Should().BeTrue();
        fixture.StatusInSandbox(context.CfarContract!.Id).Should().Be("confirmed");
    }

    [Fact]
    public async Task DgCreateOffers_PreparedTripWithoutFakers_PicksAnOfferInTheTripsCurrency()
    {
        var prepared = PreparedTrip.Generate(fixture.NewContext(output).Fakers);
        var context = new JourneyContext(fixture.Target.Client, prepared);

        await SessionSteps.CreatePurchaseSession(context);
        await DgSteps.CreateOffers(context);

        context.DgOffer.Should().NotBeNull();
        context.DgOffer!.Currency.Should().Be(prepared.Trip.Currency.Code);
    }

    [Fact]
    public async Task SendOffersDisplayed_PreparedTripWithoutFakers_ThrowsNamingTheMissingFakers()
    {
        var context = new JourneyContext(fixture.Target.Client, PreparedTrip.Generate(new AirlineFakers(3))) { SessionId = "session-1" };

        var send = () => SessionSteps.SendOffersDisplayed(context);

        await send.Should().ThrowAsync<InvalidOperationException>().WithMessage("*prepared trip without fakers*AirlineFakers*");
    }

    [Fact]
    public void Generate_SameSeedAndDate_GivesTheSameTrips()
    {
        var now = new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero);

        var first = PreparedTrip.Generate(new AirlineFakers(11, now), 4);
        var second = PreparedTrip.Generate(new AirlineFakers(11, now), 4);

        first.Select(t => t.Trip.FareBasis).Should().Equal(second.Select(t => t.Trip.FareBasis));
        first.Select(t => t.CfarConfirmation.PnrReference).Should().Equal(second.Select(t => t.CfarConfirmation.PnrReference));
        first.Select(t => t.Seed).Should().AllBeEquivalentTo(11);
        first.Select(t => t.Trip.FareBasis).Distinct().Should().HaveCount(4, "each is the faker's next trip");
    }

    [Fact]
    public void Generate_ZeroTrips_Throws()
    {
        var generate = () => PreparedTrip.Generate(new AirlineFakers(1), 0);

        generate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
    }
}
