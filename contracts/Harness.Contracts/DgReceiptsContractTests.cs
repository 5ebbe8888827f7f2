using System.Text;

namespace Harness.Contracts;

/// <summary>getCustomerDgPayoutReceipt: GET /customer/dg/payout/receipt (PDF; verification-code is the DG exercise id).</summary>
public sealed class DgReceiptsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string What = "a request for a DG payout receipt";
    private const string ExerciseId = OperationCases.DgExerciseId;
    private static readonly ApiCall Call = OperationCases.Call<object>(AirlineOperations.GetCustomerDgPayoutReceipt, null, null);

    [Fact]
    public async Task GetDgPayoutReceiptAsync_ForExercise_ReturnsPdf()
    {
        Expect(What, Call, Caller.Anonymous, State(ProviderStates.DgExerciseExists, (ProviderStateParams.ExerciseId, ExerciseId)))
            .WithHeader(AirlineApiClient.VerificationCodeHeader, ExerciseId)
            .WillRespond()
            .WithStatus(200)
            .WithCacheHeaders()
            .WithContentDisposition()
            .WithBody(Receipts.ExamplePdf, Receipts.PdfContentType);

        await VerifyAsync(async client =>
        {
            var response = await client.GetDgPayoutReceiptAsync(ExerciseId);

            response.StatusCode.Should().Be(200);
            ShouldSurfaceCacheHeaders(response);
            response.RequiredBody.ContentType.Should().StartWith(Receipts.PdfContentType);
            Encoding.ASCII.GetString(response.RequiredBody.Content).Should().StartWith("%PDF");
        });
    }

    [Fact]
    public async Task GetDgPayoutReceiptAsync_ForUnknownVerificationCode_Throws404()
    {
        Expect($"{What} with an unknown verification code", Call, Caller.Anonymous)
            .WithHeader(AirlineApiClient.VerificationCodeHeader, "no-such-exercise")
            .WillRespond()
            .WithStatus(404);

        await VerifyAsync(async client => await ShouldFailAsync(() => client.GetDgPayoutReceiptAsync("no-such-exercise"), 404));
    }

    [Fact]
    public async Task GetDgPayoutReceiptAsync_WithoutCodeOrSession_Throws422()
    {
        await ExpectErrorAsync(
            $"{What} without a verification code or session",
            422,
            "required",
            "Send the verification-code header (the DG exercise id) or the HC-Session-ID of the exercise's session.",
            Call,
            client => client.GetDgPayoutReceiptAsync(),
            Caller.Anonymous);
    }
}
