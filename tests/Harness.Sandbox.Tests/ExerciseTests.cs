namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ExerciseTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task CreateCfarExercise_ConfirmedContract_Answers201WithAllowancesWithinCoverage()
    {
        var contractId = await Api.ConfirmedContractAsync("cfar");
        var coverage = decimal.Parse((string)State.Contract(contractId)!["coverage"]!, System.Globalization.CultureInfo.InvariantCulture);

        var reply = await Api.PostAsync("cfar_contract_exercises", Bodies.CfarExercise(contractId));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        var exercise = reply.Json!;
        ((string)exercise["contract_id"]!).Should().Be(contractId);
        Guid.TryParse((string)exercise["redirection_token"]!, out _).Should().BeTrue();
        decimal.Parse((string)exercise["cash_refund_allowance"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(coverage).And.BePositive();
        decimal.Parse((string)exercise["ftc_refund_allowance"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(coverage);
        reply.Header("Cache-Control").Should().NotBeNull();
        reply.Header("HTS-Session-ID").Should().BeNull("spec: the CFAR exercise 201 declares no HTS-Session-ID");
    }

    [Theory]
    [InlineData("created")]
    [InlineData("canceled")]
    public async Task CreateCfarExercise_ContractNotConfirmed_Answers422(string status)
    {
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "not-confirmed", ["status"] = status });
        var before = State.Counts();

        var reply = await Api.PostAsync("cfar_contract_exercises", Bodies.CfarExercise("not-confirmed"));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("contract_id");
        State.Counts().Should().Be(before);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task CreateCfarExercise_WithoutContractId_FindsContractByPnr()
    {
        await Api.GivenAsync(ProviderStates.ConfirmedCfarContractExists, new JsonObject { ["contract_id"] = "by-pnr", ["pnr_reference"] = "PNRXYZ" });
        var body = Bodies.CfarExercise("ignored");
        body.Remove("contract_id");
        body["pnr_reference"] = "PNRXYZ";

        var reply = await Api.PostAsync("cfar_contract_exercises", body);

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        ((string)reply.Json!["contract_id"]!).Should().Be("by-pnr");
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task CreateCfarExercise_SecondTime_Answers422()
    {
        var first = await Api.CfarExerciseAsync();

        var reply = await Api.PostAsync("cfar_contract_exercises", Bodies.CfarExercise((string)first["contract_id"]!));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task MarkCompleted_FirstTime_Answers200AndSecondTime422()
    {
        var exercise = await Api.CfarExerciseAsync();
        var path = $"cfar_contract_exercises/{exercise["id"]}/mark_completed";

        var first = await Api.PutAsync(path, new JsonObject { ["refund_method"] = "cash", ["refund_amount"] = "100.00" });
        var second = await Api.PutAsync(path, new JsonObject());

        first.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(first));
        ((string)first.Json!["id"]!).Should().Be((string)exercise["id"]!);
        State.IsCfarExerciseCompleted((string)exercise["id"]!).Should().BeTrue();
        second.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        second.ErrorFields.Should().Equal("id");
    }

    [Fact]
    public async Task MarkCompleted_RefundAboveAllowance_Answers422AndStaysOpen()
    {
        var exercise = await Api.CfarExerciseAsync();

        var reply = await Api.PutAsync($"cfar_contract_exercises/{exercise["id"]}/mark_completed", new JsonObject { ["refund_amount"] = "100000.00" });

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("refund_amount");
        State.IsCfarExerciseCompleted((string)exercise["id"]!).Should().BeFalse();
    }

    [Fact]
    public async Task MarkCompleted_UnknownExercise_Answers404()
    {
        (await Api.PutAsync("cfar_contract_exercises/nope/mark_completed", new JsonObject())).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateDgExercise_ConfirmedContract_Answers201AndMapsToSession()
    {
        var contractId = await Api.ConfirmedContractAsync("dg");
        var session = await Api.SessionAsync();

        var reply = await Api.PostAsync("dg_contract_exercises", Bodies.DgExercise(contractId), session);

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        reply.Header("HTS-Session-ID").Should().Be(session);
        reply.Header("Expires").Should().NotBeNull();
        var exerciseId = (string)reply.Json!["id"]!;
        var lookup = await Api.SendAsync(HttpMethod.Get, $"customer/dg_exercises/{exerciseId}/session", null, token: null);
        lookup.Status.Should().Be(HttpStatusCode.OK);
        ((string)lookup.Json!["session_id"]!).Should().Be(session);
        lookup.Header("Expires").Should().BeNull("spec: this 200 declares no headers");
    }

    [Fact]
    public async Task CreateDgExercise_NoSession_CreatesOneAndReturnsIt()
    {
        var contractId = await Api.ConfirmedContractAsync("dg");

        var reply = await Api.PostAsync("dg_contract_exercises", Bodies.DgExercise(contractId));

        reply.Status.Should().Be(HttpStatusCode.Created);
        State.HasSession(reply.Header("HTS-Session-ID")!).Should().BeTrue();
        State.DgExerciseSession((string)reply.Json!["id"]!).Should().Be(reply.Header("HTS-Session-ID"));
    }

    [Fact]
    public async Task CreateDgExercise_CreatedContract_Answers422()
    {
        var contractId = await Api.ContractAsync("dg");

        var reply = await Api.PostAsync("dg_contract_exercises", Bodies.DgExercise(contractId));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("contract_id");
    }

    [Fact]
    public async Task CreateDgExercise_UnknownContract_Answers422()
    {
        var reply = await Api.PostAsync("dg_contract_exercises", Bodies.DgExercise("nope"));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("contract_id");
    }

    [Fact]
    public async Task GetDgExerciseSession_UnknownExercise_Answers404()
    {
        (await Api.SendAsync(HttpMethod.Get, "customer/dg_exercises/nope/session", null, token: null)).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
