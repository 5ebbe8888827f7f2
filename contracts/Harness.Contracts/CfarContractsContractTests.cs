namespace Harness.Contracts;

/// <summary>
/// The CFAR contract lifecycle: postCfar_contracts, getCfar_contractsId, putCfar_contractsIdUpdate_status,
/// putCfar_contractsIdForms_of_payment, putCfar_contractsIdItinerary_slices (the payment and the cases every operation
/// shares: SharedCasesContractTests).
/// </summary>
public sealed class CfarContractsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string OfferId = OperationCases.CfarOfferId;
    private const string ContractId = OperationCases.CfarContractId;
    private const string Product = Products.Cfar;

    private static readonly string Create = OperationCases.Describe(AirlineOperations.PostCfarContracts);
    private static readonly string Get = OperationCases.Describe(AirlineOperations.GetCfarContractsId);
    private static readonly string UpdateStatus = OperationCases.Describe(AirlineOperations.PutCfarContractsIdUpdateStatus);
    private static readonly string FormsOfPayment = OperationCases.Describe(AirlineOperations.PutCfarContractsIdFormsOfPayment);
    private static readonly string Slices = OperationCases.Describe(AirlineOperations.PutCfarContractsIdItinerarySlices);

    private static ProviderState OfferExists => State(ProviderStates.CfarOfferExists, (ProviderStateParams.OfferId, OfferId));

    private static ProviderState ContractExists(string status = "created") =>
        State(ProviderStates.CfarContractExists, (ProviderStateParams.ContractId, ContractId), (ProviderStateParams.Status, status));

    private CreateCfarContractRequest CreateRequest() => Fakers.CreateCfarContractRequest([OfferId], Trip);

    private UpdateCfarContractRequest ConfirmRequest() => Fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, Trip);

    private UpdateCfarFormOfPaymentRequest FormsRequest() => Fakers.UpdateCfarFormOfPaymentRequest(Trip);

    private UpdateCfarContractItinerarySlicesRequest SlicesRequest() => Fakers.UpdateCfarContractItinerarySlicesRequest(Trip);

    private static ApiCall CreateCall(CreateCfarContractRequest request) => OperationCases.Call(AirlineOperations.PostCfarContracts, null, request);

    private static ApiCall GetCall(string id = ContractId) => OperationCases.Call<object>(AirlineOperations.GetCfarContractsId, id, null);

    private static ApiCall UpdateStatusCall(UpdateCfarContractRequest request, string id = ContractId) =>
        OperationCases.Call(AirlineOperations.PutCfarContractsIdUpdateStatus, id, request);

    private static ApiCall FormsCall(UpdateCfarFormOfPaymentRequest request, string id = ContractId) =>
        OperationCases.Call(AirlineOperations.PutCfarContractsIdFormsOfPayment, id, request);

    private static ApiCall SlicesCall(UpdateCfarContractItinerarySlicesRequest request, string id = ContractId) =>
        OperationCases.Call(AirlineOperations.PutCfarContractsIdItinerarySlices, id, request);

    [Fact]
    public async Task CreateCfarContractAsync_FromOffer_ReturnsCreatedContract()
    {
        var request = CreateRequest();
        ExpectSuccess(Create, CreateCall(request), 201, OfferExists)
            .WithJsonBody(Shapes.CfarContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.CreateCfarContractAsync(request), 201, body =>
        {
            body.Id.Should().Be(ContractId);
            body.Status.Should().Be(CfarStatus.Created);
            body.Offers.Should().ContainSingle().Which.Id.Should().Be(OfferId);
        });
    }

    [Fact]
    public async Task CreateCfarContractAsync_ForUnknownOffer_Throws422()
    {
        var request = CreateRequest();
        await ExpectErrorAsync(
            $"{Create} for an unknown offer",
            422,
            "unknown_offer",
            $"offer_ids[0] '{OfferId}' is not a known CFAR offer.",
            CreateCall(request),
            client => client.CreateCfarContractAsync(request));
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenExists_ReturnsContract()
    {
        ExpectSuccess(Get, GetCall(), 200, ContractExists())
            .WithJsonBody(Shapes.CfarContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.GetCfarContractAsync(ContractId), 200, body =>
        {
            body.Id.Should().Be(ContractId);
            body.CoverageValue.Should().Be(400.00m);
            body.Itinerary.Slices[0].Segments[0].OriginAirport.Should().Be(StandardTrip.Origin);
        });
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenConfirmed_ReturnsConfirmedStatus()
    {
        ExpectSuccess($"{Get} that is confirmed", GetCall(), 200, ContractExists("confirmed"))
            .WithJsonBody(Shapes.CfarContract(ContractId, "confirmed"));

        await VerifySuccessAsync(client => client.GetCfarContractAsync(ContractId), 200, body => body.Status.Should().Be(CfarStatus.Confirmed));
    }

    [Fact]
    public async Task UpdateCfarContractStatusAsync_ToConfirmed_ReturnsConfirmedContract()
    {
        var request = ConfirmRequest();
        ExpectSuccess(UpdateStatus, UpdateStatusCall(request), 200, ContractExists())
            .WithJsonBody(Shapes.CfarContract(ContractId, "confirmed"));

        await VerifySuccessAsync(client => client.UpdateCfarContractStatusAsync(ContractId, request), 200, body => body.Status.Should().Be(CfarStatus.Confirmed));
    }

    [Fact]
    public async Task UpdateCfarFormsOfPaymentAsync_OnOpenContract_ReturnsContract()
    {
        var request = FormsRequest();
        ExpectSuccess(FormsOfPayment, FormsCall(request), 200, ContractExists())
            .WithJsonBody(Shapes.CfarContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.UpdateCfarFormsOfPaymentAsync(ContractId, request), 200, body => body.Id.Should().Be(ContractId));
    }

    [Fact]
    public async Task UpdateCfarItinerarySlicesAsync_OnOpenContract_ReturnsContract()
    {
        var request = SlicesRequest();
        ExpectSuccess(Slices, SlicesCall(request), 200, ContractExists())
            .WithJsonBody(Shapes.CfarContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.UpdateCfarItinerarySlicesAsync(ContractId, request), 200, body => body.Itinerary.Slices.Should().NotBeEmpty());
    }
}
