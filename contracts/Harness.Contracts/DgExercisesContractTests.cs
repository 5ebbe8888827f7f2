namespace Harness.Contracts;

/// <summary>postDg_contract_exercises and getCustomerDg_exercisesIdSession (no authentication).</summary>
public sealed class DgExercisesContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string ContractId = OperationCases.DgContractId;
    private const string ExerciseId = OperationCases.DgExerciseId;
    private const string SessionId = "3e8a1f6c-4b2d-4d7e-9f0a-5c6b7d8e9f01";
    private static readonly string Create = OperationCases.Describe(AirlineOperations.PostDgContractExercises);
    private static readonly string GetSession = OperationCases.Describe(AirlineOperations.GetCustomerDgExercisesIdSession);

    private CreateDgContractExerciseRequest CreateRequest() => Fakers.CreateDgContractExerciseRequest(ContractId, Trip);

    private static ApiCall CreateCall(CreateDgContractExerciseRequest request) => OperationCases.Call(AirlineOperations.PostDgContractExercises, null, request);

    private static ApiCall SessionCall(string id = ExerciseId) => OperationCases.Call<object>(AirlineOperations.GetCustomerDgExercisesIdSession, id, null);

    [Fact]
    public async Task CreateDgExerciseAsync_OnConfirmedContract_ReturnsExerciseAndSession()
    {
        var request = CreateRequest();
        ExpectSuccess(Create, CreateCall(request), 201, State(ProviderStates.DgContractExists, (ProviderStateParams.ContractId, ContractId), (ProviderStateParams.Status, "confirmed")))
            .WithHtsSessionId(SessionId)
            .WithJsonBody(new { Id = Shapes.Id(ExerciseId) });

        await VerifySuccessAsync(client => client.CreateDgExerciseAsync(request), 201, body => body.Id.Should().Be(ExerciseId), htsSessionId: SessionId);
    }

    [Fact]
    public async Task CreateDgExerciseAsync_ForUnknownContract_Throws422()
    {
        var request = CreateRequest();
        await ExpectErrorAsync(
            $"{Create} that does not exist",
            422,
            "unknown_contract",
            $"contract_id '{ContractId}' is not a known DG contract.",
            CreateCall(request),
            client => client.CreateDgExerciseAsync(request));
    }

    [Fact]
    public async Task GetDgExerciseSessionAsync_WhenExists_ReturnsSessionId()
    {
        Expect(GetSession, SessionCall(), Caller.Anonymous, State(ProviderStates.DgExerciseExists, (ProviderStateParams.ExerciseId, ExerciseId), (ProviderStateParams.SessionId, SessionId)))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(new { SessionId = Match.Type(SessionId) });

        await VerifyAsync(async client =>
        {
            var response = await client.GetDgExerciseSessionAsync(ExerciseId);

            response.StatusCode.Should().Be(200);
            response.RequiredBody.SessionId.Should().Be(SessionId);
        });
    }
}
