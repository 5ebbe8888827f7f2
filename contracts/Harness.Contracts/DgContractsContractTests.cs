namespace Harness.Contracts;

/// <summary>
/// The DG contract lifecycle: postDg_contracts, getDg_contractsId, putDg_contractsIdUpdate_status,
/// putDg_contractsIdItinerary_slices (a bare array body); the payment and the cases every operation shares are in
/// SharedCasesContractTests.
/// </summary>
public sealed class DgContractsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string OfferId = OperationCases.DgOfferId;
    private const string ContractId = OperationCases.DgContractId;
    private const string Product = Products.Dg;

    private static readonly string Create = OperationCases.Describe(AirlineOperations.PostDgContracts);
    private static readonly string Get = OperationCases.Describe(AirlineOperations.GetDgContractsId);
    private static readonly string UpdateStatus = OperationCases.Describe(AirlineOperations.PutDgContractsIdUpdateStatus);
    private static readonly string Slices = OperationCases.Describe(AirlineOperations.PutDgContractsIdItinerarySlices);

    private static ProviderState OfferExists => State(ProviderStates.DgOfferExists, (ProviderStateParams.OfferId, OfferId));

    private static ProviderState ContractExists(string status = "created") =>
        State(ProviderStates.DgContractExists, (ProviderStateParams.ContractId, ContractId), (ProviderStateParams.Status, status));

    private CreateDgContractRequest CreateRequest() => Fakers.CreateDgContractRequest([OfferId], Trip);

    private UpdateDgContractStatusRequest ConfirmRequest() => Fakers.UpdateDgContractStatusRequest(DgStatus.Confirmed, Trip);

    private IReadOnlyList<DgItinerarySlice> SlicesRequest() => Fakers.DgItinerarySlices(Trip);

    private static ApiCall CreateCall(CreateDgContractRequest request) => OperationCases.Call(AirlineOperations.PostDgContracts, null, request);

    private static ApiCall GetCall(string id = ContractId) => OperationCases.Call<object>(AirlineOperations.GetDgContractsId, id, null);

    private static ApiCall UpdateStatusCall(UpdateDgContractStatusRequest request, string id = ContractId) =>
        OperationCases.Call(AirlineOperations.PutDgContractsIdUpdateStatus, id, request);

    private static ApiCall SlicesCall(IReadOnlyList<DgItinerarySlice> slices, string id = ContractId) =>
        OperationCases.Call(AirlineOperations.PutDgContractsIdItinerarySlices, id, slices);

    [Fact]
    public async Task CreateDgContractAsync_FromOffer_ReturnsCreatedContract()
    {
        var request = CreateRequest();
        ExpectSuccess(Create, CreateCall(request), 201, OfferExists)
            .WithJsonBody(Shapes.DgContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.CreateDgContractAsync(request), 201, body =>
        {
            body.Id.Should().Be(ContractId);
            body.Status.Should().Be(DgStatus.Created);
            body.ServiceCapValue.Should().Be(150.00m);
        });
    }

    [Fact]
    public async Task CreateDgContractAsync_ForUnknownOffer_Throws422()
    {
        var request = CreateRequest();
        await ExpectErrorAsync(
            $"{Create} for an unknown offer",
            422,
            "unknown_offer",
            $"offer_ids[0] '{OfferId}' is not a known DG offer.",
            CreateCall(request),
            client => client.CreateDgContractAsync(request));
    }

    [Fact]
    public async Task GetDgContractAsync_WhenExists_ReturnsContract()
    {
        ExpectSuccess(Get, GetCall(), 200, ContractExists())
            .WithJsonBody(Shapes.DgContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.GetDgContractAsync(ContractId), 200, body =>
        {
            body.Id.Should().Be(ContractId);
            body.Itinerary.Slices[0].Segments[0].Cabin.Should().Be(Cabin.Economy);
        });
    }

    [Fact]
    public async Task UpdateDgContractStatusAsync_ToConfirmed_ReturnsConfirmedContract()
    {
        var request = ConfirmRequest();
        ExpectSuccess(UpdateStatus, UpdateStatusCall(request), 200, ContractExists())
            .WithJsonBody(Shapes.DgContract(ContractId, "confirmed"));

        await VerifySuccessAsync(client => client.UpdateDgContractStatusAsync(ContractId, request), 200, body => body.Status.Should().Be(DgStatus.Confirmed));
    }

    [Fact]
    public async Task UpdateDgItinerarySlicesAsync_OnOpenContract_ReturnsContract()
    {
        var slices = SlicesRequest();
        ExpectSuccess(Slices, SlicesCall(slices), 200, ContractExists())
            .WithJsonBody(Shapes.DgContract(ContractId, "created"));

        await VerifySuccessAsync(client => client.UpdateDgItinerarySlicesAsync(ContractId, slices), 200, body => body.Itinerary.Slices.Should().NotBeEmpty());
    }
}
