namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ProviderStateTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task SessionExists_GivenId_SessionAcceptsEvents()
    {
        await Api.GivenAsync(ProviderStates.SessionExists, new JsonObject { ["session_id"] = "9fd3f2f9-e5aa-4128-ace9-3c4ee37b685f" });

        var reply = await Api.PostAsync("events", new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2024-01-24T15:34:30Z" }, "9fd3f2f9-e5aa-4128-ace9-3c4ee37b685f");

        reply.Status.Should().Be(HttpStatusCode.NoContent);
        await Api.TeardownAsync();
    }

    [Theory]
    [InlineData("cfar")]
    [InlineData("dg")]
    public async Task OfferExists_GivenId_ContractCanBeMadeFromIt(string product)
    {
        await Api.GivenAsync(product == "cfar" ? ProviderStates.CfarOfferExists : ProviderStates.DgOfferExists, new JsonObject { ["offer_id"] = "offer-1" });

        var reply = await Api.PostAsync($"{product}_contracts", Bodies.ContractRequest("offer-1", Bodies.StandardItinerary(product)));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        ((string)reply.Json!["offers"]![0]!["id"]!).Should().Be("offer-1");
        await Api.TeardownAsync();
    }

    [Theory]
    [InlineData("cfar", "confirmed")]
    [InlineData("dg", "queued")]
    public async Task ContractExists_GivenIdAndStatus_GetReturnsIt(string product, string status)
    {
        var state = product == "cfar" ? ProviderStates.CfarContractExists : ProviderStates.DgContractExists;
        await Api.GivenAsync(state, new JsonObject { ["contract_id"] = "1ec9ef29-be31-6ed3-beec-9f5ae0d164ee", ["status"] = status });

        var reply = await Api.GetAsync($"{product}_contracts/1ec9ef29-be31-6ed3-beec-9f5ae0d164ee");

        reply.Status.Should().Be(HttpStatusCode.OK);
        ((string)reply.Json!["id"]!).Should().Be("1ec9ef29-be31-6ed3-beec-9f5ae0d164ee");
        ((string)reply.Json!["status"]!).Should().Be(status);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ContractExists_UnknownStatus_Answers400NamingStatuses()
    {
        var reply = await Api.StateAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "x", ["status"] = "queued" });

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain("charged_back");
    }

    [Fact]
    public async Task ConfirmedCfarContractExists_GivenId_CanBeExercised()
    {
        await Api.GivenAsync(ProviderStates.ConfirmedCfarContractExists, new JsonObject { ["contract_id"] = "cc-1" });

        var reply = await Api.PostAsync("cfar_contract_exercises", Bodies.CfarExercise("cc-1"));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task CfarExerciseExists_GivenId_CanBeMarkedCompleted()
    {
        await Api.GivenAsync(ProviderStates.CfarExerciseExists, new JsonObject { ["exercise_id"] = "1ec9ef4b-b3bf-64ae-8a3d-6b084d9f6b3c" });

        var reply = await Api.PutAsync("cfar_contract_exercises/1ec9ef4b-b3bf-64ae-8a3d-6b084d9f6b3c/mark_completed", new JsonObject());

        reply.Status.Should().Be(HttpStatusCode.OK);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task CompletedCfarExerciseExists_GivenCode_ReceiptIsServed()
    {
        var parameters = new JsonObject { ["exercise_id"] = "ex-9", ["verification_code"] = "123456", ["session_id"] = "s-9" };
        var result = await Api.GivenAsync(ProviderStates.CompletedCfarExerciseExists, parameters);
        var byCode = await Api.SendAsync(HttpMethod.Get, "customer/cfar/payout/receipt", null, null, headers: new Dictionary<string, string> { ["verification-code"] = "123456" });

        // A state holds for one request: the second lookup is a second interaction with its own setup.
        await Api.GivenAsync(ProviderStates.CompletedCfarExerciseExists, parameters);
        var bySession = await Api.SendAsync(HttpMethod.Get, "customer/cfar/payout/receipt", null, null, sessionId: "s-9");

        byCode.Status.Should().Be(HttpStatusCode.OK);
        PdfAssertions.ShouldBeValidPdf(byCode.Bytes).Should().Contain("ex-9");
        bySession.Status.Should().Be(HttpStatusCode.OK);
        ((string)result["exercise_id"]!).Should().Be("ex-9");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task DgExerciseExists_GivenIds_SessionLookupAnswersGivenSession()
    {
        await Api.GivenAsync(ProviderStates.DgExerciseExists, new JsonObject { ["exercise_id"] = "dg-ex", ["session_id"] = "af585dfd-dddf-4726-9ef7-f1bb8909a79a" });

        var reply = await Api.SendAsync(HttpMethod.Get, "customer/dg_exercises/dg-ex/session", null, null);

        ((string)reply.Json!["session_id"]!).Should().Be("af585dfd-dddf-4726-9ef7-f1bb8909a79a");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task PaymentWillBeDeclined_AnyToken_AnswersNotSucceeded()
    {
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "pay-1" });
        await Api.GivenAsync(ProviderStates.PaymentWillBeDeclined);

        var reply = await Api.PostAsync("cfar_contracts/pay-1/payment", Bodies.CfarPayment("tok_visa"));

        reply.Json!["succeeded"]!.GetValue<bool>().Should().BeFalse();
        State.ContractStatus("pay-1").Should().Be("created");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ClientLacksProduct_Dg_DgAnswers403AndCfarStillWorks()
    {
        await Api.GivenAsync(ProviderStates.ClientLacksProduct, new JsonObject { ["product"] = "dg" });

        (await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"))).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"))).Status.Should().Be(HttpStatusCode.Created);
        await Api.TeardownAsync();
        (await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"))).Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ValidTokenExists_FixedToken_IsAccepted()
    {
        await Api.GivenAsync(ProviderStates.ValidTokenExists, new JsonObject { ["token"] = "pact-fixed-token" });

        var reply = await Api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), "pact-fixed-token");

        reply.Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Teardown_AfterSetup_ForgetsEntities()
    {
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "gone" });

        await Api.TeardownAsync();

        (await Api.GetAsync("cfar_contracts/gone")).Status.Should().Be(HttpStatusCode.NotFound);
        State.Counts().Should().Be(new SandboxCounts(0, 0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ProviderStates_EmptyStateAndQueryForm_Answer200()
    {
        var empty = await Api.SendRawAsync(HttpMethod.Post, "/_pact/provider-states", "{}", null);
        var query = await Api.SendRawAsync(HttpMethod.Post, "/_pact/provider-states?state=a%20session%20exists&session_id=q-1&action=setup", null, null);

        empty.Status.Should().Be(HttpStatusCode.OK);
        query.Status.Should().Be(HttpStatusCode.OK);
        State.HasSession("q-1").Should().BeTrue();
        await Api.TeardownAsync();
    }

    public static TheoryData<string> CataloguedStates() => new(ProviderStates.Names.Concat(AtlasProviderStates.Names));

    [Theory]
    [MemberData(nameof(CataloguedStates))]
    public async Task ProviderStates_EveryCataloguedStateWithItsRequiredParameters_IsSetUp(string state)
    {
        var definition = ProviderStates.Find(state) ?? AtlasProviderStates.Find(state);
        var parameters = new JsonObject();
        foreach (var parameter in definition!.Parameters.Where(p => p.Required))
        {
            parameters[parameter.Name] = parameter.Name switch
            {
                ProviderStateParams.OperationId => AirlineOperations.WithNotPerformed.First(),
                ProviderStateParams.Product => Products.Dg,
                _ => "catalogue-" + parameter.Name,
            };
        }

        var reply = await Api.StateAsync(state, parameters);

        reply.Status.Should().Be(HttpStatusCode.OK, $"the sandbox serves every catalogued state; '{state}' answered {reply.Json?.ToJsonString()}");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ProviderStates_UnknownState_Answers400ListingKnownStates()
    {
        var reply = await Api.StateAsync("the moon is blue");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain("the moon is blue").And.Contain(ProviderStates.CfarContractExists);
    }

    [Fact]
    public async Task ProviderStates_Disabled_Answers404()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Quiet = true });
        using var api = await ApiClient.ConnectAsync(host);

        var reply = await api.StateAsync(ProviderStates.SessionExists);

        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
