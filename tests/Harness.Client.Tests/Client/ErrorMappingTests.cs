namespace Harness.Client.Tests.Client;

public sealed class ErrorMappingTests : CannedClientTest
{
    private const string ErrorBody =
        "{\"errors\":[{\"message\":\"pnr_reference is missing\",\"code\":\"missing_field\",\"messages\":{\"field\":\"pnr_reference\"}},{\"message\":\"bad currency\"}]}";

    [Theory]
    [InlineData(400)]
    [InlineData(422)]
    public async Task Call_When400Or422_ThrowsWithParsedErrors(int status)
    {
        Server.Respond("postCfar_contractsIdPayment", new CannedResponse(status, ErrorBody));

        var act = () => Client.ProcessCfarPaymentAsync("c-1", new ProcessCfarPaymentRequest
        {
            PaymentMethodToken = "MxyYEhDK12CUAA18bJDkAq0ab3y", FirstName = "John", LastName = "Smith", PnrReference = "ABC123", EmailAddress = "a@b.c",
        });

        var error = (await act.Should().ThrowAsync<AirlineApiException>()).Which;
        error.StatusCode.Should().Be(status);
        error.OperationId.Should().Be("postCfar_contractsIdPayment");
        error.Errors.Should().HaveCount(2);
        error.Errors[0].Code.Should().Be("missing_field");
        error.Errors[0].Messages.Should().Contain("field", "pnr_reference");
        error.Errors[1].Message.Should().Be("bad currency");
        error.Message.Should().Contain("missing_field: pnr_reference is missing");
    }

    [Theory]
    [InlineData(401, "authenticated")]
    [InlineData(403, "may not call")]
    [InlineData(404, "not be found")]
    [InlineData(500, "internal error")]
    public async Task Call_WhenBodylessError_ThrowsWithStatusAndNoErrors(int status, string meaning)
    {
        Server.Respond("getDg_contractsId", new CannedResponse(status));

        var act = () => Client.GetDgContractAsync("c-1");

        var error = (await act.Should().ThrowAsync<AirlineApiException>()).Which;
        error.StatusCode.Should().Be(status);
        error.OperationId.Should().Be("getDg_contractsId");
        error.Errors.Should().BeEmpty();
        error.Message.Should().Contain(meaning).And.Contain("GET /dg_contracts/{id}");
    }

    [Fact]
    public async Task Call_When422BodyIsNotTheSpecShape_StillThrowsWithStatus()
    {
        Server.Respond("getDg_contractsId", new CannedResponse(422, "{\"oops\":true}"));

        var act = () => Client.GetDgContractAsync("c-1");

        var error = (await act.Should().ThrowAsync<AirlineApiException>()).Which;
        error.StatusCode.Should().Be(422);
        error.Message.Should().Contain("did not match");
    }

    [Fact]
    public async Task AuthenticateAsync_When200_ThrowsBecauseTheSpecSays201()
    {
        Server.Respond("postAuth", new CannedResponse(200, "{\"access_token\":\"t\",\"scope\":\"s\",\"expires_in\":60,\"token_type\":\"Bearer\"}"));

        var act = () => Client.AuthenticateAsync();

        (await act.Should().ThrowAsync<AirlineApiException>()).Which.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Call_WhenServerIsSlowerThanTimeout_ThrowsTimeoutExceptionNamingOperation()
    {
        Server.AuthDelay = TimeSpan.FromSeconds(30);
        var defaults = Server.Options();
        using var impatient = new AirlineApiClient(new AirlineApiOptions
        {
            BaseUrl = defaults.BaseUrl, ClientId = defaults.ClientId, ClientSecret = defaults.ClientSecret, Timeout = TimeSpan.FromMilliseconds(200),
        });

        var act = () => impatient.AuthenticateAsync();

        await act.Should().ThrowAsync<TimeoutException>().WithMessage("*postAuth*");
    }

    [Fact]
    public async Task Call_WhenResponseHasPropertiesTheSpecDoesNotList_IgnoresThem()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(CannedAirlineServer.SampleResponse(AirlineOperations.GetDgContractsId, 200))!.AsObject();
        body["added_in_a_later_version"] = "x";
        Server.Respond("getDg_contractsId", new CannedResponse(200, body.ToJsonString()));

        var response = await Client.GetDgContractAsync("c-1");

        response.Body!.Id.Should().Be((string)body["id"]!);
    }

    [Fact]
    public async Task Call_WhenServerUnreachable_ThrowsHttpRequestExceptionNamingOperation()
    {
        var baseUrl = Server.BaseUrl;
        await Server.DisposeAsync();
        using var offline = new AirlineApiClient(new AirlineApiOptions { BaseUrl = baseUrl, ClientId = "c", ClientSecret = "s" });

        var act = () => offline.GetDgExerciseSessionAsync("e-1");

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("*getCustomerDg_exercisesIdSession*");
        Server = await CannedAirlineServer.StartAsync();
    }
}
