namespace Harness.Contracts;

/// <summary>postSessions: POST /sessions (201, or 204 "validated but not performed").</summary>
public sealed class SessionsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private static readonly string What = OperationCases.Describe(AirlineOperations.PostSessions);

    private CreateAirlineSessionRequest NewSession() => Fakers.CreateAirlineSessionRequest(FlowType.Purchase);

    private ApiCall Call(CreateAirlineSessionRequest request) => OperationCases.Call(AirlineOperations.PostSessions, null, request);

    [Fact]
    public async Task CreateSessionAsync_WhenCreated_ReturnsSessionId()
    {
        var request = NewSession();
        ExpectSuccess(What, Call(request), 201)
            .WithJsonBody(new { Id = Shapes.Id("9d3b7c1e-2f4a-4b6c-8d1e-3f5a7b9c0d2e") });

        await VerifyAsync(async client =>
        {
            var response = await client.CreateSessionAsync(request);

            response.StatusCode.Should().Be(201);
            ShouldSurfaceCacheHeaders(response);
            response.NotPerformed.Should().BeFalse();
            response.RequiredBody.Id.Should().Be("9d3b7c1e-2f4a-4b6c-8d1e-3f5a7b9c0d2e");
        });
    }

    [Fact]
    public async Task CreateSessionAsync_ExerciseFlowWithoutProduct_Throws422()
    {
        // Spec (prose only): product is "Required for sessions having flow_type \"exercise\"".
        var request = NewSession() with { FlowType = FlowType.Exercise, Product = null };
        await ExpectErrorAsync(
            "a request to create an exercise session without a product",
            422,
            "required",
            "product is required when flow_type is \"exercise\".",
            Call(request),
            client => client.CreateSessionAsync(request));
    }
}
