namespace Harness.Contracts;

/// <summary>
/// The interactions that are the same across operations, one table each: 401 (every operation with the bearer token),
/// 403 (every operation of a product), 404 (every <c>{id}</c> operation), 400 (every operation with a JSON body) and the
/// "validated but not performed" 204 (the eight that declare it); the payment operations, the status updates and the
/// changes to a contract, which answer alike for CFAR and DG. The rows come from the operation table (<see cref="AirlineOperations"/>), the requests from
/// <see cref="OperationCases"/>; each row is one interaction.
/// </summary>
public sealed class SharedCasesContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    public static TheoryData<string> WithToken() => Rows(o => o.RequiresToken);

    public static TheoryData<string> OfAProduct() => Rows(o => o.Product is not null);

    public static TheoryData<string> WithId() => Rows(o => o.PathTemplate.Contains("{id}", StringComparison.Ordinal));

    public static TheoryData<string> WithBody() => Rows(o => o.Method is "POST" or "PUT");

    public static TheoryData<string> WithNotPerformed() => Rows(o => o.NotPerformedOn204);

    public static TheoryData<string> Payments() => Rows(IsPayment);

    public static TheoryData<string> StatusUpdates() => Rows(o => o.PathTemplate.EndsWith("/update_status", StringComparison.Ordinal));

    /// <summary>The operations that change an open contract (its forms of payment, its itinerary slices).</summary>
    public static TheoryData<string> ContractChanges() =>
        Rows(o => o.PathTemplate.EndsWith("/forms_of_payment", StringComparison.Ordinal) || o.PathTemplate.EndsWith("/itinerary_slices", StringComparison.Ordinal));

    /// <summary>Each payment operation, paid (false) and declined (true).</summary>
    public static TheoryData<string, bool> PaymentOutcomes()
    {
        var rows = new TheoryData<string, bool>();
        foreach (var operation in OperationCases.Covered.Where(IsPayment))
        {
            rows.Add(operation.OperationId, false);
            rows.Add(operation.OperationId, true);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(WithToken))]
    public async Task Operation_WithUnknownToken_Throws401(string operationId)
    {
        var example = Example(operationId);
        await ExpectUnauthorizedAsync(example.Description, example.Call, example.Act);
    }

    [Theory]
    [MemberData(nameof(OfAProduct))]
    public async Task Operation_WithoutTheProduct_Throws403(string operationId)
    {
        var example = Example(operationId);
        await ExpectForbiddenAsync(example.Description, example.Operation.Product!, example.Call, example.Act);
    }

    [Theory]
    [MemberData(nameof(WithId))]
    public async Task Operation_ForUnknownId_Throws404(string operationId)
    {
        var operation = AirlineOperations.ById(operationId);
        var example = Cases.For(operation, OperationCases.UnknownId(operation));
        await ExpectNotFoundAsync(example.Description, example.Call, example.Act, example.Caller);
    }

    [Theory]
    [MemberData(nameof(WithBody))]
    public async Task Operation_WithWronglyTypedProperty_Throws400(string operationId)
    {
        var example = Example(operationId);
        var (property, declaredType) = example.WrongType ?? throw new InvalidOperationException($"{example.Operation} names no property to retype.");
        await ExpectBadRequestAsync(example.Description, example.Call, property, declaredType, example.Act, example.Caller);
    }

    [Theory]
    [MemberData(nameof(WithNotPerformed))]
    public async Task Operation_WhenNotPerformed_ReportsNotPerformed(string operationId) =>
        await ExpectNotPerformedAsync(Example(operationId));

    /// <summary>A created contract's payment answers 200 either way; the body says whether it went through.</summary>
    [Theory]
    [MemberData(nameof(PaymentOutcomes))]
    public async Task Payment_OnCreatedContract_AnswersWhetherItSucceeded(string operationId, bool declined)
    {
        var example = Example(operationId);
        ProviderState[] states = declined
            ? [OperationCases.ContractExists(example.Operation.Product!), State(ProviderStates.PaymentWillBeDeclined)]
            : [OperationCases.ContractExists(example.Operation.Product!)];
        ExpectSuccess(declined ? $"{example.Description} that is declined" : example.Description, example.Call, 200, states)
            .WithJsonBody(new { Succeeded = Match.Equality(!declined) });

        await VerifyAsync(async client =>
        {
            var result = await example.Run(client);

            result.Response.StatusCode.Should().Be(200, "a declined payment is still a 200; the body says it did not succeed");
            ShouldSurfaceCacheHeaders(result.Response);
            Succeeded(result).Should().Be(!declined);
        });
    }

    [Theory]
    [MemberData(nameof(Payments))]
    public Task Payment_OnConfirmedContract_Throws422(string operationId) =>
        ExpectRefusedAsync(operationId, "that is already confirmed", "not_payable", "Only a created contract can be paid; this one is \"confirmed\".", "confirmed");

    [Theory]
    [MemberData(nameof(StatusUpdates))]
    public Task UpdateStatus_FromCanceled_Throws422(string operationId) =>
        ExpectRefusedAsync(operationId, "from canceled to confirmed", "illegal_transition", "status cannot change from \"canceled\" to \"confirmed\".", "canceled");

    [Theory]
    [MemberData(nameof(ContractChanges))]
    public Task Change_OnCanceledContract_Throws422(string operationId) =>
        ExpectRefusedAsync(operationId, "of a canceled contract", "contract_closed", "The contract is \"canceled\" and can no longer be changed.", "canceled");

    /// <summary>A 422 the operation answers for a contract in <paramref name="contractStatus"/>.</summary>
    private Task ExpectRefusedAsync(string operationId, string situation, string code, string message, string contractStatus)
    {
        var example = Example(operationId);
        return ExpectErrorAsync(
            $"{example.Description} {situation}",
            422,
            code,
            message,
            example.Call,
            example.Act,
            Caller.WithValidToken,
            OperationCases.ContractExists(example.Operation.Product!, contractStatus));
    }

    private static bool? Succeeded(OperationResult result) => result.Body switch
    {
        CfarPayment payment => payment.Succeeded,
        DgPayment payment => payment.Succeeded,
        _ => null,
    };

    private OperationCase Example(string operationId) => Cases.For(AirlineOperations.ById(operationId));

    private static bool IsPayment(AirlineOperation operation) => operation.PathTemplate.EndsWith("/payment", StringComparison.Ordinal);

    private static TheoryData<string> Rows(Func<AirlineOperation, bool> include) =>
        new(OperationCases.Covered.Where(include).Select(o => o.OperationId));
}
