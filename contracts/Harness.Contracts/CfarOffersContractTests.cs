namespace Harness.Contracts;

/// <summary>postCfar_offers (POST /cfar_offers, an array) and postCfar_offersExternal (POST /cfar_offers/external, one offer).</summary>
public sealed class CfarOffersContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private static readonly string Offers = OperationCases.Describe(AirlineOperations.PostCfarOffers);
    private static readonly string External = OperationCases.Describe(AirlineOperations.PostCfarOffersExternal);
    private const string SessionId = "5b1e8f2a-6c3d-4e7f-9a0b-1c2d3e4f5a6b";
    private const string ExternalSessionId = "8a4f2c6e-3d1b-4e9a-b7c5-2f0d8e6a1c3b";

    private ApiCall OffersCall(CreateCfarOfferRequest request) => OperationCases.Call(AirlineOperations.PostCfarOffers, null, request);

    private ApiCall ExternalCall(CreateExternalCfarOfferRequest request) => OperationCases.Call(AirlineOperations.PostCfarOffersExternal, null, request);

    [Fact]
    public async Task CreateCfarOffersAsync_WhenPriced_ReturnsOffersAndSession()
    {
        var request = Fakers.CreateCfarOfferRequest(Trip, RequestType.Fare);
        ExpectSuccess(Offers, OffersCall(request), 201)
            .WithHtsSessionId(SessionId)
            .WithJsonBody(Match.MinType(Shapes.CfarOffer(), 1));

        await VerifySuccessAsync(client => client.CreateCfarOffersAsync(request), 201, offers =>
        {
            var offer = offers.Should().ContainSingle().Subject;
            offer.Id.Should().Be("cfar-offer-1");
            offer.CoverageValue.Should().Be(400.00m);
            offer.Itinerary.Slices[0].Segments[0].FlightNumber.Should().Be(StandardTrip.FlightNumber);
        }, htsSessionId: SessionId);
    }

    [Fact]
    public async Task CreateCfarOffersAsync_ForUnknownSession_Throws422()
    {
        var request = Fakers.CreateCfarOfferRequest(Trip, RequestType.Fare);
        await ExpectUnknownSessionAsync($"{Offers} in an unknown session", OffersCall(request), client => client.CreateCfarOffersAsync(request, UnknownSessionId));
    }

    [Fact]
    public async Task CreateExternalCfarOfferAsync_WhenPriced_ReturnsOneOffer()
    {
        var request = Fakers.CreateExternalCfarOfferRequest(Trip);
        ExpectSuccess(External, ExternalCall(request), 201)
            .WithHtsSessionId(ExternalSessionId)
            .WithJsonBody(Shapes.CfarOffer("cfar-offer-external-1"));

        await VerifySuccessAsync(client => client.CreateExternalCfarOfferAsync(request), 201, offer =>
        {
            offer.Id.Should().Be("cfar-offer-external-1");
            offer.PremiumValue.Should().Be(25.00m);
        }, htsSessionId: ExternalSessionId);
    }

    [Fact]
    public async Task CreateExternalCfarOfferAsync_ForUnknownSession_Throws422()
    {
        var request = Fakers.CreateExternalCfarOfferRequest(Trip);
        await ExpectUnknownSessionAsync($"{External} in an unknown session", ExternalCall(request), client => client.CreateExternalCfarOfferAsync(request, UnknownSessionId));
    }
}
