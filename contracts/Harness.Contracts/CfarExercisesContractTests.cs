namespace Harness.Contracts;

/// <summary>postCfar_contract_exercises and putCfar_contract_exercisesIdMark_completed.</summary>
public sealed class CfarExercisesContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string ContractId = OperationCases.CfarContractId;
    private const string ExerciseId = OperationCases.CfarExerciseId;
    private const string Product = Products.Cfar;
    private static readonly string Create = OperationCases.Describe(AirlineOperations.PostCfarContractExercises);
    private static readonly string Complete = OperationCases.Describe(AirlineOperations.PutCfarContractExercisesIdMarkCompleted);

    private CreateCfarContractExerciseRequest CreateRequest() => Fakers.CreateCfarContractExerciseRequest(ContractId, Trip);

    // Below the contract's 400.00 coverage, so within either refund allowance.
    private MarkCfarContractExerciseCompleteRequest CompleteRequest() => Fakers.MarkCfarContractExerciseCompleteRequest(100.00m);

    private static ApiCall CreateCall(CreateCfarContractExerciseRequest request) => OperationCases.Call(AirlineOperations.PostCfarContractExercises, null, request);

    private static ApiCall CompleteCall(MarkCfarContractExerciseCompleteRequest request, string id = ExerciseId) =>
        OperationCases.Call(AirlineOperations.PutCfarContractExercisesIdMarkCompleted, id, request);

    [Fact]
    public async Task CreateCfarExerciseAsync_OnConfirmedContract_ReturnsExercise()
    {
        var request = CreateRequest();
        ExpectSuccess(Create, CreateCall(request), 201, State(ProviderStates.ConfirmedCfarContractExists, (ProviderStateParams.ContractId, ContractId)))
            .WithJsonBody(Shapes.CfarExercise(ExerciseId, ContractId));

        await VerifySuccessAsync(client => client.CreateCfarExerciseAsync(request), 201, body =>
        {
            body.Id.Should().Be(ExerciseId);
            body.ContractId.Should().Be(ContractId);
            body.CashRefundAllowanceValue.Should().Be(400.00m);
        });
    }

    [Fact]
    public async Task CreateCfarExerciseAsync_ForUnknownContract_Throws422()
    {
        var request = CreateRequest();
        await ExpectErrorAsync(
            $"{Create} that does not exist",
            422,
            "unknown_contract",
            $"contract_id '{ContractId}' is not a known CFAR contract.",
            CreateCall(request),
            client => client.CreateCfarExerciseAsync(request));
    }

    [Fact]
    public async Task MarkCfarExerciseCompletedAsync_WhenOpen_ReturnsExercise()
    {
        var request = CompleteRequest();
        ExpectSuccess(Complete, CompleteCall(request), 200, State(ProviderStates.CfarExerciseExists, (ProviderStateParams.ExerciseId, ExerciseId)))
            .WithJsonBody(Shapes.CfarExercise(ExerciseId, ContractId));

        await VerifySuccessAsync(client => client.MarkCfarExerciseCompletedAsync(ExerciseId, request), 200, body => body.Id.Should().Be(ExerciseId));
    }

    [Fact]
    public async Task MarkCfarExerciseCompletedAsync_WhenAlreadyCompleted_Throws422()
    {
        var request = CompleteRequest();
        await ExpectErrorAsync(
            $"{Complete} twice",
            422,
            "already_completed",
            $"Exercise '{ExerciseId}' was already marked completed.",
            CompleteCall(request),
            client => client.MarkCfarExerciseCompletedAsync(ExerciseId, request),
            Caller.WithValidToken,
            State(ProviderStates.CompletedCfarExerciseExists, (ProviderStateParams.ExerciseId, ExerciseId)));
    }
}
