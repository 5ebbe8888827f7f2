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
        Expect(Create, CreateCall(request), Caller.WithValidToken, State(ProviderStates.ConfirmedCfarContractExists, (ProviderStateParams.ContractId, ContractId)))
            .WillRespond()
            .WithStatus(201)
            .WithCacheHeaders()
            .WithJsonBody(Shapes.CfarExercise(ExerciseId, ContractId));

        await VerifyAsync(async client =>
        {
            var response = await client.CreateCfarExerciseAsync(request);

            response.StatusCode.Should().Be(201);
            ShouldSurfaceCacheHeaders(response);
            response.RequiredBody.Id.Should().Be(ExerciseId);
            response.RequiredBody.ContractId.Should().Be(ContractId);
            response.RequiredBody.CashRefundAllowanceValue.Should().Be(400.00m);
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
        Expect(Complete, CompleteCall(request), Caller.WithValidToken, State(ProviderStates.CfarExerciseExists, (ProviderStateParams.ExerciseId, ExerciseId)))
            .WillRespond()
            .WithStatus(200)
            .WithCacheHeaders()
            .WithJsonBody(Shapes.CfarExercise(ExerciseId, ContractId));

        await VerifyAsync(async client =>
        {
            var response = await client.MarkCfarExerciseCompletedAsync(ExerciseId, request);

            response.StatusCode.Should().Be(200);
            ShouldSurfaceCacheHeaders(response);
            response.RequiredBody.Id.Should().Be(ExerciseId);
        });
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
