namespace Harness.Contracts;

/// <summary>postAuth: POST /auth (spec: 201, not 200).</summary>
public sealed class AuthContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    [Fact]
    public async Task AuthenticateAsync_WithSandboxCredentials_ReturnsBearerToken()
    {
        ExpectAuthentication();

        await VerifyAsync(async client =>
        {
            var response = await client.AuthenticateAsync();

            response.StatusCode.Should().Be(201);
            response.RequiredBody.AccessToken.Should().Be(Token);
            response.RequiredBody.TokenType.Should().Be(TokenType.Bearer);
            response.RequiredBody.ExpiresIn.Should().Be(86400);
        });
    }

    [Fact]
    public async Task AuthenticateAsync_WithWrongSecret_Throws401()
    {
        const string wrongSecret = "not-the-sandbox-secret";
        Pact.UponReceiving("a request for an access token with a wrong client secret")
            .WithRequest(HttpMethod.Post, BasePath + AirlineOperations.PostAuth.PathTemplate)
            .WithJsonBody(Json(new AuthRequest { ClientId = SandboxCredentials.ClientId, ClientSecret = wrongSecret }))
            .WillRespond()
            .WithStatus(401);

        await VerifyAsync(
            async client =>
            {
                var failure = await ShouldFailAsync(() => client.AuthenticateAsync(), 401);
                failure.OperationId.Should().Be(AirlineOperations.PostAuth.OperationId);
            },
            wrongSecret);
    }
}
