namespace Harness.Client.Tests.Client;

public sealed class AirlineApiClientOperationTests : CannedClientTest
{
    private const string SessionId = "af585dfd-dddf-4726-9ef7-f1bb8909a79a";

    private static readonly Dictionary<string, Func<AirlineApiClient, Task<ApiResponse>>> Calls = new()
    {
        ["postAuth"] = async c => await c.AuthenticateAsync(),
        ["postSessions"] = async c => await c.CreateSessionAsync(Body<CreateAirlineSessionRequest>("postSessions")),
        ["postEvents"] = async c => await c.SendEventAsync(SessionId, Body<Event>("postEvents")),
        ["postCfar_offers"] = async c => await c.CreateCfarOffersAsync(Body<CreateCfarOfferRequest>("postCfar_offers"), SessionId),
        ["postCfar_offersExternal"] = async c => await c.CreateExternalCfarOfferAsync(Body<CreateExternalCfarOfferRequest>("postCfar_offersExternal"), SessionId),
        ["postCfar_contracts"] = async c => await c.CreateCfarContractAsync(Body<CreateCfarContractRequest>("postCfar_contracts")),
        ["getCfar_contractsId"] = async c => await c.GetCfarContractAsync("c-1", SessionId),
        ["putCfar_contractsIdUpdate_status"] = async c => await c.UpdateCfarContractStatusAsync("c-1", Body<UpdateCfarContractRequest>("putCfar_contractsIdUpdate_status"), SessionId),
        ["putCfar_contractsIdForms_of_payment"] = async c => await c.UpdateCfarFormsOfPaymentAsync("c-1", Body<UpdateCfarFormOfPaymentRequest>("putCfar_contractsIdForms_of_payment"), SessionId),
        ["postCfar_contractsIdPayment"] = async c => await c.ProcessCfarPaymentAsync("c-1", Body<ProcessCfarPaymentRequest>("postCfar_contractsIdPayment"), SessionId),
        ["putCfar_contractsIdItinerary_slices"] = async c => await c.UpdateCfarItinerarySlicesAsync("c-1", Body<UpdateCfarContractItinerarySlicesRequest>("putCfar_contractsIdItinerary_slices"), SessionId),
        ["postCfar_contract_exercises"] = async c => await c.CreateCfarExerciseAsync(Body<CreateCfarContractExerciseRequest>("postCfar_contract_exercises"), SessionId),
        ["putCfar_contract_exercisesIdMark_completed"] = async c => await c.MarkCfarExerciseCompletedAsync("e-1", Body<MarkCfarContractExerciseCompleteRequest>("putCfar_contract_exercisesIdMark_completed"), SessionId),
        ["getCustomerCfarPayoutReceipt"] = async c => await c.GetCfarPayoutReceiptAsync("vc-123", SessionId),
        ["postDg_offers"] = async c => await c.CreateDgOffersAsync(Body<CreateDgOffersRequest>("postDg_offers"), SessionId),
        ["postDg_contracts"] = async c => await c.CreateDgContractAsync(Body<CreateDgContractRequest>("postDg_contracts")),
        ["getDg_contractsId"] = async c => await c.GetDgContractAsync("c-1"),
        ["postDg_contractsIdPayment"] = async c => await c.ProcessDgPaymentAsync("c-1", Body<ProcessDgPaymentRequest>("postDg_contractsIdPayment")),
        ["putDg_contractsIdUpdate_status"] = async c => await c.UpdateDgContractStatusAsync("c-1", Body<UpdateDgContractStatusRequest>("putDg_contractsIdUpdate_status")),
        ["putDg_contractsIdItinerary_slices"] = async c => await c.UpdateDgItinerarySlicesAsync("c-1", Body<IReadOnlyList<DgItinerarySlice>>("putDg_contractsIdItinerary_slices")),
        ["postDg_contract_exercises"] = async c => await c.CreateDgExerciseAsync(Body<CreateDgContractExerciseRequest>("postDg_contract_exercises"), SessionId),
        ["getCustomerDgPayoutReceipt"] = async c => await c.GetDgPayoutReceiptAsync("vc-123", SessionId),
        ["getCustomerDg_exercisesIdSession"] = async c => await c.GetDgExerciseSessionAsync("e-1"),
    };

    public static TheoryData<string> OperationIds() => new(AirlineOperations.All.Select(o => o.OperationId));

    public static TheoryData<string> NotPerformedOperationIds() => new(AirlineOperations.All.Where(o => o.NotPerformedOn204).Select(o => o.OperationId));

    [Fact]
    public void Calls_CoverEveryOperationOfTheTable()
    {
        // The table itself is checked against the spec in tests/Harness.ApiFacts.Tests.
        Calls.Keys.Should().BeEquivalentTo(AirlineOperations.All.Select(o => o.OperationId));
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Operation_AgainstCannedServer_SendsTheSpecsRequestAndReadsTheResponse(string operationId)
    {
        var operation = AirlineOperations.ById(operationId);

        var response = await Calls[operationId](Client);

        response.OperationId.Should().Be(operationId);
        response.StatusCode.Should().Be(operation.SuccessStatusCodes[0]);
        var sent = Server.Requests.Last(r => r.OperationId == operationId);
        sent.Method.Should().Be(operation.Method);
        sent.Path.Should().Be(CannedAirlineServer.BasePath.TrimEnd('/') + operation.PathTemplate.Replace("{id}", operationId.Contains("exercises", StringComparison.OrdinalIgnoreCase) ? "e-1" : "c-1", StringComparison.Ordinal));
        sent.Headers.ContainsKey("Authorization").Should().Be(operation.RequiresToken);
        if (operation.RequiresToken)
        {
            sent.Headers["Authorization"].Should().StartWith("Bearer " + Server.TokenPrefix);
        }

        if (operation.SessionHeader == SessionHeaderUsage.NotDeclared)
        {
            sent.Headers.Should().NotContainKey(AirlineApiClient.HcSessionIdHeader);
        }
        else
        {
            sent.Headers[AirlineApiClient.HcSessionIdHeader].Should().Be(SessionId);
        }

        var spec = SpecDocument.AirlineApi.Operation(operationId);
        if (spec["requestBody"] is null)
        {
            sent.Body.Should().BeEmpty();
        }
        else
        {
            sent.Headers["Content-Type"].Should().StartWith("application/json");
            SchemaValidator.AirlineApiStrict.Validate(JsonNode.Parse(sent.Body), SpecDocument.AirlineApi.RequestBodySchema(operationId))
                .Should().BeEmpty();
        }

        if (operation.ReturnsHtsSessionId)
        {
            response.HtsSessionId.Should().Be(CannedAirlineServer.HtsSessionId);
        }

        response.NotPerformed.Should().BeFalse();
    }

    [Fact]
    public async Task CreateCfarOffersAsync_WithCannedOffers_ReturnsTypedBodyAndCacheHeaders()
    {
        var response = await Client.CreateCfarOffersAsync(Body<CreateCfarOfferRequest>("postCfar_offers"));

        response.Body.Should().ContainSingle();
        response.Body![0].PremiumValue.Should().Be(12.50m);
        response.Expires.Should().Be("0");
        response.CacheControl.Should().Be("no-store");
    }

    [Fact]
    public async Task GetCfarPayoutReceiptAsync_ReturnsPdfBytesAndContentType()
    {
        var response = await Client.GetCfarPayoutReceiptAsync(verificationCode: "vc-123");

        response.Body!.Content.Should().Equal(CannedAirlineServer.PdfBytes);
        response.Body.ContentType.Should().StartWith("application/pdf");
        response.Body.ContentDisposition.Should().Contain("receipt.pdf");
        Server.Requests.Last().Headers[AirlineApiClient.VerificationCodeHeader].Should().Be("vc-123");
    }

    [Theory]
    [MemberData(nameof(NotPerformedOperationIds))]
    public async Task Operation_When204_IsNotPerformedWithoutBody(string operationId)
    {
        Server.Respond(operationId, new CannedResponse(204, Headers: new Dictionary<string, string> { ["Expires"] = "0", ["Cache-Control"] = "no-store" }));

        var response = await Calls[operationId](Client);

        response.StatusCode.Should().Be(204);
        response.NotPerformed.Should().BeTrue();
        response.GetType().GetProperty("Body")!.GetValue(response).Should().BeNull();
    }

    [Fact]
    public async Task SendEventAsync_When204_IsANormalSuccess()
    {
        var response = await Client.SendEventAsync(SessionId, new BookingConfirmed { OccurredDateTime = DateTimeOffset.UnixEpoch, CfarContractId = "c-1" });

        response.StatusCode.Should().Be(204);
        response.NotPerformed.Should().BeFalse();
        JsonNode.Parse(Server.Requests.Last().Body)!["type"]!.GetValue<string>().Should().Be("booking_confirmed");
    }

    [Fact]
    public async Task CreateCfarOffersAsync_When204_ThrowsBecauseTheSpecDeclaresOnly201()
    {
        Server.Respond("postCfar_offers", new CannedResponse(204));

        var act = () => Client.CreateCfarOffersAsync(Body<CreateCfarOfferRequest>("postCfar_offers"));

        (await act.Should().ThrowAsync<AirlineApiException>()).Which.StatusCode.Should().Be(204);
    }

    [Fact]
    public async Task GetCfarContractAsync_WithIdNeedingEscaping_EscapesThePathSegment()
    {
        await Client.GetCfarContractAsync("a/b c");

        // Kestrel decodes %20 in Request.Path but keeps %2F, so the slash stayed inside one segment.
        Server.Requests.Last().Path.Should().Be("/airline/v1.1/cfar_contracts/a%2Fb c");
    }

    [Fact]
    public async Task GetCfarContractAsync_WithEmptyId_ThrowsNamingTheOperation()
    {
        var act = () => Client.GetCfarContractAsync(" ");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*getCfar_contractsId*");
    }

    [Fact]
    public async Task GetCfarContractAsync_WhenBodyDoesNotMatchSchema_ThrowsNamingTheModel()
    {
        Server.Respond("getCfar_contractsId", new CannedResponse(200, "{\"id\":\"c-1\"}"));

        var act = () => Client.GetCfarContractAsync("c-1");

        await act.Should().ThrowAsync<AirlineApiException>().WithMessage("*CfarContract*");
    }

    private static T Body<T>(string operationId) =>
        AirlineJson.Deserialize<T>(SchemaSampler.Full.Sample(SpecDocument.AirlineApi.RequestBodySchema(operationId)).ToJsonString());
}
