namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class NotPerformedTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    public static TheoryData<string> Operations => new()
    {
        "postSessions", "postCfar_contracts", "putCfar_contractsIdUpdate_status", "putCfar_contractsIdForms_of_payment",
        "putCfar_contractsIdItinerary_slices", "postDg_contracts", "putDg_contractsIdUpdate_status", "putDg_contractsIdItinerary_slices",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_Answers204State_ValidatesThenAnswers204WithoutEffect(string operationId)
    {
        // Every state of the interaction is set up before its one request (a state holds for that request only).
        var cfar = await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "c1" });
        var dg = await Api.GivenAsync(ProviderStates.DgContractExists, new JsonObject { ["contract_id"] = "d1" });
        await Api.GivenAsync(ProviderStates.CfarOfferExists, new JsonObject { ["offer_id"] = "cfar-offer" });
        await Api.GivenAsync(ProviderStates.DgOfferExists, new JsonObject { ["offer_id"] = "dg-offer" });
        await Api.GivenAsync(ProviderStates.OperationAnswers204, new JsonObject { ["operation_id"] = operationId });
        var before = State.Counts();
        var cfarBefore = State.Contract("c1")!.ToJsonString();
        var dgBefore = State.Contract("d1")!.ToJsonString();

        var reply = operationId switch
        {
            "postSessions" => await Api.PostAsync("sessions", Bodies.Session()),
            "postCfar_contracts" => await Api.PostAsync("cfar_contracts", Bodies.ContractRequest("cfar-offer", Bodies.StandardItinerary("cfar"))),
            "putCfar_contractsIdUpdate_status" => await Api.PutAsync("cfar_contracts/c1/update_status", Bodies.Status("confirmed")),
            "putCfar_contractsIdForms_of_payment" => await Api.PutAsync("cfar_contracts/c1/forms_of_payment", Bodies.FormsOfPayment()),
            "putCfar_contractsIdItinerary_slices" => await Api.PutAsync("cfar_contracts/c1/itinerary_slices",
                new JsonObject { ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("cfar", Bodies.DefaultDeparture, flight: "AC1")) }) }),
            "postDg_contracts" => await Api.PostAsync("dg_contracts", Bodies.ContractRequest("dg-offer", Bodies.StandardItinerary("dg"))),
            "putDg_contractsIdUpdate_status" => await Api.PutAsync("dg_contracts/d1/update_status", Bodies.Status("queued")),
            _ => await Api.PutAsync("dg_contracts/d1/itinerary_slices",
                new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("dg", Bodies.DefaultDeparture, flight: "AC1")) })),
        };

        reply.Status.Should().Be(HttpStatusCode.NoContent, Flows.Describe(reply));
        reply.Bytes.Should().BeEmpty();
        reply.Header("Expires").Should().NotBeNull();
        reply.Header("Cache-Control").Should().NotBeNull();
        State.Counts().Should().Be(before);
        State.Contract("c1")!.ToJsonString().Should().Be(cfarBefore);
        State.Contract("d1")!.ToJsonString().Should().Be(dgBefore);
        cfar["contract_id"]!.GetValue<string>().Should().Be("c1");
        dg["contract_id"]!.GetValue<string>().Should().Be("d1");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task Operation_Answers204State_StillRejectsInvalidRequest()
    {
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "c1", ["status"] = "canceled" });
        await Api.GivenAsync(ProviderStates.OperationAnswers204, new JsonObject { ["operation_id"] = "putCfar_contractsIdUpdate_status" });

        var reply = await Api.PutAsync("cfar_contracts/c1/update_status", Bodies.Status("confirmed"));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task Answers204State_OperationWithout204_Answers400NamingTheEight()
    {
        var reply = await Api.StateAsync(ProviderStates.OperationAnswers204, new JsonObject { ["operation_id"] = "postCfar_offers" });

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain("postSessions");
    }

    [Fact]
    public async Task Options_NotPerformedOperation_AppliesFromStart()
    {
        var options = new SandboxOptions { Quiet = true };
        options.NotPerformedOperations.Add("postSessions");
        await using var host = await SandboxHost.StartAsync(options);
        using var api = await ApiClient.ConnectAsync(host);

        var reply = await api.PostAsync("sessions", Bodies.Session());

        reply.Status.Should().Be(HttpStatusCode.NoContent);
        host.State.Counts().Sessions.Should().Be(0);
    }
}
