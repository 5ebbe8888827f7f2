namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ReceiptTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    private async Task<Reply> ReceiptAsync(string product, string? code = null, string? session = null)
    {
        var headers = new Dictionary<string, string>();
        if (code is not null)
        {
            headers["verification-code"] = code;
        }

        return await Api.SendAsync(HttpMethod.Get, $"customer/{product}/payout/receipt", null, token: null, session, headers);
    }

    [Fact]
    public async Task GetCfarReceipt_CompletedExercise_IsValidPdfNamingExerciseAndAmount()
    {
        var exercise = await Api.CfarExerciseAsync();
        (await Api.PutAsync($"cfar_contract_exercises/{exercise["id"]}/mark_completed", new JsonObject { ["refund_amount"] = "123.45" }))
            .Status.Should().Be(HttpStatusCode.OK);

        var reply = await ReceiptAsync("cfar", (string)exercise["redirection_token"]!);

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.ContentHeaders.ContentType!.MediaType.Should().Be("application/pdf");
        reply.ContentHeaders.ContentDisposition!.FileName.Should().Contain((string)exercise["id"]!);
        reply.Header("Expires").Should().NotBeNull();
        var text = PdfAssertions.ShouldBeValidPdf(reply.Bytes);
        text.Should().Contain((string)exercise["id"]!).And.Contain((string)exercise["contract_id"]!).And.Contain("123.45 CAD");
    }

    [Fact]
    public async Task GetCfarReceipt_BySession_FindsCompletedExercise()
    {
        var session = await Api.SessionAsync();
        var exercise = await Api.CfarExerciseAsync(session);
        await Api.PutAsync($"cfar_contract_exercises/{exercise["id"]}/mark_completed", new JsonObject());

        var reply = await ReceiptAsync("cfar", session: session);

        reply.Status.Should().Be(HttpStatusCode.OK);
        PdfAssertions.ShouldBeValidPdf(reply.Bytes).Should().Contain((string)exercise["id"]!);
    }

    [Fact]
    public async Task GetCfarReceipt_NotCompleted_Answers422()
    {
        var exercise = await Api.CfarExerciseAsync();

        var reply = await ReceiptAsync("cfar", (string)exercise["redirection_token"]!);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("cfar")]
    [InlineData("dg")]
    public async Task GetReceipt_UnknownCode_Answers404(string product)
    {
        (await ReceiptAsync(product, "no-such-code")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("cfar")]
    [InlineData("dg")]
    public async Task GetReceipt_NoCodeNoSession_Answers422NamingVerificationCode(string product)
    {
        var reply = await ReceiptAsync(product);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("verification-code");
    }

    [Fact]
    public async Task GetDgReceipt_Exercise_IsValidPdfWithServiceCapPayout()
    {
        var contractId = await Api.ConfirmedContractAsync("dg");
        var exercise = await Api.PostAsync("dg_contract_exercises", Bodies.DgExercise(contractId, passengers: 2));
        var id = (string)exercise.Json!["id"]!;

        var byCode = await ReceiptAsync("dg", id);
        var bySession = await ReceiptAsync("dg", session: exercise.Header("HTS-Session-ID"));

        byCode.Status.Should().Be(HttpStatusCode.OK);
        // Service cap 450.00 per passenger × 2 passengers.
        PdfAssertions.ShouldBeValidPdf(byCode.Bytes).Should().Contain(id).And.Contain("900.00 CAD");
        bySession.Bytes.Should().Equal(byCode.Bytes);
    }
}
