namespace Harness.Contracts;

/// <summary>postDg_offers: POST /dg_offers (an array of create_dg_offer_item_response).</summary>
public sealed class DgOffersContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private static readonly string What = OperationCases.Describe(AirlineOperations.PostDgOffers);
    private const string SessionId = "7c2d9e4f-1a3b-4c5d-8e6f-0a1b2c3d4e5f";

    private CreateDgOffersRequest NewRequest() => Fakers.CreateDgOffersRequest(Trip, DgRequestType.Fare);

    private static ApiCall Call(CreateDgOffersRequest request) => OperationCases.Call(AirlineOperations.PostDgOffers, null, request);

    [Fact]
    public async Task CreateDgOffersAsync_WhenPriced_ReturnsOffersAndSession()
    {
        var request = NewRequest();
        ExpectSuccess(What, Call(request), 201)
            .WithHtsSessionId(SessionId)
            .WithJsonBody(Match.MinType(Shapes.DgOfferItem(), 1));

        await VerifySuccessAsync(client => client.CreateDgOffersAsync(request), 201, offers =>
        {
            var offer = offers.Should().ContainSingle().Subject;
            offer.Id.Should().Be("dg-offer-1");
            offer.ServiceCapValue.Should().Be(150.00m);
            offer.MinMinutesDelay.Should().Be(180);
        }, htsSessionId: SessionId);
    }

    [Fact]
    public async Task CreateDgOffersAsync_ForUnknownSession_Throws422()
    {
        var request = NewRequest();
        await ExpectUnknownSessionAsync($"{What} in an unknown session", Call(request), client => client.CreateDgOffersAsync(request, UnknownSessionId));
    }
}
