using System.Text;

namespace Harness.Contracts;

/// <summary>getCustomerCfarPayoutReceipt: GET /customer/cfar/payout/receipt (PDF; anonymous, found by verification-code).</summary>
public sealed class CfarReceiptsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private const string What = "a request for a CFAR payout receipt";
    private const string VerificationCode = "0b7e4c2d-9a1f-4e3b-8c5d-6f7a8b9c0d1e";
    private static readonly ApiCall Call = OperationCases.Call<object>(AirlineOperations.GetCustomerCfarPayoutReceipt, null, null);

    [Fact]
    public async Task GetCfarPayoutReceiptAsync_ForCompletedExercise_ReturnsPdf()
    {
        Expect(What, Call, Caller.Anonymous, State(ProviderStates.CompletedCfarExerciseExists, (ProviderStateParams.ExerciseId, "cfar-exercise-1"), (ProviderStateParams.VerificationCode, VerificationCode)))
            .WithHeader(AirlineApiClient.VerificationCodeHeader, VerificationCode)
            .WillRespond()
            .WithStatus(200)
            .WithCacheHeaders()
            .WithContentDisposition()
            .WithBody(Receipts.ExamplePdf, Receipts.PdfContentType);

        await VerifyAsync(async client =>
        {
            var response = await client.GetCfarPayoutReceiptAsync(VerificationCode);

            response.StatusCode.Should().Be(200);
            ShouldSurfaceCacheHeaders(response);
            response.RequiredBody.ContentType.Should().StartWith(Receipts.PdfContentType);
            Encoding.ASCII.GetString(response.RequiredBody.Content).Should().StartWith("%PDF");
        });
    }

    [Fact]
    public async Task GetCfarPayoutReceiptAsync_ForUnknownVerificationCode_Throws404()
    {
        Expect($"{What} with an unknown verification code", Call, Caller.Anonymous)
            .WithHeader(AirlineApiClient.VerificationCodeHeader, "no-such-code")
            .WillRespond()
            .WithStatus(404);

        await VerifyAsync(async client => await ShouldFailAsync(() => client.GetCfarPayoutReceiptAsync("no-such-code"), 404));
    }

    [Fact]
    public async Task GetCfarPayoutReceiptAsync_WithoutCodeOrSession_Throws422()
    {
        await ExpectErrorAsync(
            $"{What} without a verification code or session",
            422,
            "required",
            "Send the verification-code header (the exercise's redirection_token) or the HC-Session-ID of the exercise's session.",
            Call,
            client => client.GetCfarPayoutReceiptAsync(),
            Caller.Anonymous);
    }
}
