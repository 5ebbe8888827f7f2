namespace Harness.Contracts;

/// <summary>
/// getCustomerCfarPayoutReceipt and getCustomerDgPayoutReceipt: GET /customer/{cfar|dg}/payout/receipt (PDF; anonymous,
/// found by verification-code). The two receipts are the same case per product; each row keeps its product's own
/// rules visible: which exercise state holds a receipt, and what its verification code is.
/// </summary>
public sealed class PayoutReceiptsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    /// <summary>One product's receipt operation.</summary>
    public sealed record Receipt(
        string Product,
        AirlineOperation Operation,
        ProviderState Exercise,
        string VerificationCode,
        string UnknownCode,
        string CodeHint,
        Func<AirlineApiClient, string?, Task<ApiResponse<PayoutReceipt>>> Get)
    {
        public string What => $"a request for a {Product} payout receipt";

        public ApiCall Call => OperationCases.Call<object>(Operation, null, null);

        public override string ToString() => Product;
    }

    private const string CfarVerificationCode = "0b7e4c2d-9a1f-4e3b-8c5d-6f7a8b9c0d1e";

    private static readonly Receipt[] Rows =
    [
        // CFAR: the verification code is the exercise's redirection_token, held by a completed exercise.
        new(
            "CFAR",
            AirlineOperations.GetCustomerCfarPayoutReceipt,
            State(ProviderStates.CompletedCfarExerciseExists, (ProviderStateParams.ExerciseId, "cfar-exercise-1"), (ProviderStateParams.VerificationCode, CfarVerificationCode)),
            CfarVerificationCode,
            "no-such-code",
            "the exercise's redirection_token",
            (client, code) => client.GetCfarPayoutReceiptAsync(code)),

        // DG: the verification code is the DG exercise id itself.
        new(
            "DG",
            AirlineOperations.GetCustomerDgPayoutReceipt,
            State(ProviderStates.DgExerciseExists, (ProviderStateParams.ExerciseId, OperationCases.DgExerciseId)),
            OperationCases.DgExerciseId,
            "no-such-exercise",
            "the DG exercise id",
            (client, code) => client.GetDgPayoutReceiptAsync(code)),
    ];

    public static TheoryData<string> Products() => new(Rows.Select(r => r.Product));

    [Theory]
    [MemberData(nameof(Products))]
    public async Task GetPayoutReceiptAsync_ForExercise_ReturnsPdf(string product)
    {
        var receipt = Of(product);
        Expect(receipt.What, receipt.Call, Caller.Anonymous, receipt.Exercise)
            .WithHeader(AirlineApiClient.VerificationCodeHeader, receipt.VerificationCode)
            .WillRespond()
            .WithStatus(200)
            .WithCacheHeaders()
            .WithContentDisposition()
            .WithBody(Receipts.ExamplePdf, Receipts.PdfContentType);

        await VerifyAsync(async client =>
        {
            var response = await receipt.Get(client, receipt.VerificationCode);

            response.StatusCode.Should().Be(200);
            ShouldSurfaceCacheHeaders(response);
            response.RequiredBody.ContentType.Should().StartWith(Receipts.PdfContentType);
            Encoding.ASCII.GetString(response.RequiredBody.Content).Should().StartWith("%PDF");
        });
    }

    [Theory]
    [MemberData(nameof(Products))]
    public async Task GetPayoutReceiptAsync_ForUnknownVerificationCode_Throws404(string product)
    {
        var receipt = Of(product);
        Expect($"{receipt.What} with an unknown verification code", receipt.Call, Caller.Anonymous)
            .WithHeader(AirlineApiClient.VerificationCodeHeader, receipt.UnknownCode)
            .WillRespond()
            .WithStatus(404);

        await VerifyAsync(async client => await ShouldFailAsync(() => receipt.Get(client, receipt.UnknownCode), 404));
    }

    [Theory]
    [MemberData(nameof(Products))]
    public async Task GetPayoutReceiptAsync_WithoutCodeOrSession_Throws422(string product)
    {
        var receipt = Of(product);
        await ExpectErrorAsync(
            $"{receipt.What} without a verification code or session",
            422,
            "required",
            $"Send the verification-code header ({receipt.CodeHint}) or the HC-Session-ID of the exercise's session.",
            receipt.Call,
            client => receipt.Get(client, null),
            Caller.Anonymous);
    }

    private static Receipt Of(string product) => Rows.Single(r => r.Product == product);
}
