namespace Harness.Contracts.Support;

/// <summary>
/// One operation's example request as the contract tests send it: the interaction's description, the call the pact
/// records, the client call that makes it, and what the shared error cases need (the property a 400 retypes, the
/// provider states a "validated but not performed" 204 needs).
/// </summary>
public sealed record OperationCase(
    AirlineOperation Operation,
    string Description,
    ApiCall Call,
    Func<AirlineApiClient, Task<OperationResult>> Run,
    (string Property, string DeclaredType)? WrongType = null,
    IReadOnlyList<ProviderState>? NotPerformedStates = null)
{
    /// <summary>Who sends it when the token is not the point: a client with the pact's token, or nobody for an anonymous operation.</summary>
    public Caller Caller => Operation.RequiresToken ? Caller.WithValidToken : Caller.Anonymous;

    public Task Act(AirlineApiClient client) => Run(client);
}

/// <summary>What a client call returned: the response and its body (null for a body-less one).</summary>
public sealed record OperationResult(ApiResponse Response, object? Body);

/// <summary>
/// The example request of every Airline operation (by the operation table, <see cref="AirlineOperations"/>), built from
/// the seeded fakers on the standard trip. Only the operation asked for is built, so a test's faker sequence is the same
/// as if it had built that request itself.
/// </summary>
public sealed class OperationCases(AirlineFakers fakers, Trip trip)
{
    public const string CfarOfferId = "cfar-offer-1";
    public const string CfarContractId = "cfar-contract-1";
    public const string CfarExerciseId = "cfar-exercise-1";
    public const string DgOfferId = "dg-offer-1";
    public const string DgContractId = "dg-contract-1";
    public const string DgExerciseId = "dg-exercise-1";
    public const string EventSessionId = "contract-session-1";

    /// <summary>The ids the 404 interactions name.</summary>
    public const string UnknownContractId = "no-such-contract";

    public const string UnknownExerciseId = "no-such-exercise";

    private static readonly Dictionary<AirlineOperation, string> Descriptions = new()
    {
        [AirlineOperations.PostAuth] = ContractTest.AuthDescription,
        [AirlineOperations.PostEvents] = "a request to record an event",
        [AirlineOperations.PostSessions] = "a request to create a session",
        [AirlineOperations.PostCfarOffers] = "a request for CFAR offers",
        [AirlineOperations.PostCfarOffersExternal] = "a request for an external CFAR offer",
        [AirlineOperations.PostCfarContracts] = "a request to create a CFAR contract",
        [AirlineOperations.GetCfarContractsId] = "a request for a CFAR contract",
        [AirlineOperations.PutCfarContractsIdUpdateStatus] = "a request to update a CFAR contract's status",
        [AirlineOperations.PutCfarContractsIdFormsOfPayment] = "a request to update a CFAR contract's forms of payment",
        [AirlineOperations.PostCfarContractsIdPayment] = "a request to pay for a CFAR contract",
        [AirlineOperations.PutCfarContractsIdItinerarySlices] = "a request to update a CFAR contract's itinerary slices",
        [AirlineOperations.PostCfarContractExercises] = "a request to exercise a CFAR contract",
        [AirlineOperations.PutCfarContractExercisesIdMarkCompleted] = "a request to mark a CFAR exercise completed",
        [AirlineOperations.PostDgOffers] = "a request for DG offers",
        [AirlineOperations.PostDgContracts] = "a request to create a DG contract",
        [AirlineOperations.GetDgContractsId] = "a request for a DG contract",
        [AirlineOperations.PostDgContractsIdPayment] = "a request to pay for a DG contract",
        [AirlineOperations.PutDgContractsIdUpdateStatus] = "a request to update a DG contract's status",
        [AirlineOperations.PutDgContractsIdItinerarySlices] = "a request to update a DG contract's itinerary slices",
        [AirlineOperations.PostDgContractExercises] = "a request to exercise a DG contract",
        [AirlineOperations.GetCustomerDgExercisesIdSession] = "a request for a DG exercise's session",
    };

    /// <summary>The description every interaction of <paramref name="operation"/> starts with.</summary>
    public static string Describe(AirlineOperation operation) =>
        Descriptions.TryGetValue(operation, out var description) ? description : throw new ArgumentException($"No description for {operation}.", nameof(operation));

    /// <summary>The id the 404 interaction of an <c>{id}</c> operation names.</summary>
    public static string UnknownId(AirlineOperation operation) =>
        operation.PathTemplate.Contains("exercise", StringComparison.Ordinal) ? UnknownExerciseId : UnknownContractId;

    /// <summary>The operations with an example here, in table order.</summary>
    public static IEnumerable<AirlineOperation> Covered => AirlineOperations.All.Where(Descriptions.ContainsKey);

    /// <summary>The example of <paramref name="operation"/>; <paramref name="id"/> fills <c>{id}</c> (the state's id by default).</summary>
    public OperationCase For(AirlineOperation operation, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var cfar = ContractExists(Products.Cfar);
        var dg = ContractExists(Products.Dg);
        var examples = new Dictionary<AirlineOperation, Func<string?, OperationCase>>
        {
            [AirlineOperations.PostAuth] = _ =>
            {
                var auth = new AuthRequest { ClientId = SandboxCredentials.ClientId, ClientSecret = SandboxCredentials.ClientSecret };
                return Case(operation, null, auth, c => c.AuthenticateAsync(), ("client_id", "string"));
            },
            [AirlineOperations.PostEvents] = _ =>
            {
                Event evt = fakers.OffersDisplayed();
                return new(operation, Describe(operation), Call(operation, null, evt), async c => new(await c.SendEventAsync(EventSessionId, evt), null), ("occurred_date_time", "string"));
            },
            [AirlineOperations.PostSessions] = _ =>
            {
                var session = fakers.CreateAirlineSessionRequest(FlowType.Purchase);
                return Case(operation, null, session, c => c.CreateSessionAsync(session), ("point_of_sale", "string"), []);
            },
            [AirlineOperations.PostCfarOffers] = _ =>
            {
                var offers = fakers.CreateCfarOfferRequest(trip, RequestType.Fare);
                return Case(operation, null, offers, c => c.CreateCfarOffersAsync(offers), ("itinerary", "array"));
            },
            [AirlineOperations.PostCfarOffersExternal] = _ =>
            {
                var external = fakers.CreateExternalCfarOfferRequest(trip);
                return Case(operation, null, external, c => c.CreateExternalCfarOfferAsync(external), ("premium_total_amount", "string"));
            },
            [AirlineOperations.PostCfarContracts] = _ =>
            {
                var cfarContract = fakers.CreateCfarContractRequest([CfarOfferId], trip);
                return Case(operation, null, cfarContract, c => c.CreateCfarContractAsync(cfarContract), ("offer_ids", "array"),
                    [ProviderState.Of(ProviderStates.CfarOfferExists, (ProviderStateParams.OfferId, CfarOfferId))]);
            },
            [AirlineOperations.GetCfarContractsId] = given =>
            {
                var id = given ?? CfarContractId;
                return Case<object, CfarContract>(operation, id, null, c => c.GetCfarContractAsync(id));
            },
            [AirlineOperations.PutCfarContractsIdUpdateStatus] = given =>
            {
                var id = given ?? CfarContractId;
                var cfarStatus = fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, trip);
                return Case(operation, id, cfarStatus, c => c.UpdateCfarContractStatusAsync(id, cfarStatus), ("status", "string"), [cfar]);
            },
            [AirlineOperations.PutCfarContractsIdFormsOfPayment] = given =>
            {
                var id = given ?? CfarContractId;
                var forms = fakers.UpdateCfarFormOfPaymentRequest(trip);
                return Case(operation, id, forms, c => c.UpdateCfarFormsOfPaymentAsync(id, forms), ("forms_of_payment", "array"), [cfar]);
            },
            [AirlineOperations.PostCfarContractsIdPayment] = given =>
            {
                var id = given ?? CfarContractId;
                var cfarPayment = fakers.ProcessCfarPaymentRequest();
                return Case(operation, id, cfarPayment, c => c.ProcessCfarPaymentAsync(id, cfarPayment), ("payment_method_token", "string"));
            },
            [AirlineOperations.PutCfarContractsIdItinerarySlices] = given =>
            {
                var id = given ?? CfarContractId;
                var cfarSlices = fakers.UpdateCfarContractItinerarySlicesRequest(trip);
                return Case(operation, id, cfarSlices, c => c.UpdateCfarItinerarySlicesAsync(id, cfarSlices), ("slices", "array"), [cfar]);
            },
            [AirlineOperations.PostCfarContractExercises] = _ =>
            {
                var cfarExercise = fakers.CreateCfarContractExerciseRequest(CfarContractId, trip);
                return Case(operation, null, cfarExercise, c => c.CreateCfarExerciseAsync(cfarExercise), ("contract_id", "string"));
            },
            [AirlineOperations.PutCfarContractExercisesIdMarkCompleted] = given =>
            {
                var id = given ?? CfarExerciseId;
                // Below the contract's 400.00 coverage, so within either refund allowance.
                var complete = fakers.MarkCfarContractExerciseCompleteRequest(100.00m);
                return Case(operation, id, complete, c => c.MarkCfarExerciseCompletedAsync(id, complete), ("refund_amount", "string"));
            },
            [AirlineOperations.PostDgOffers] = _ =>
            {
                var dgOffers = fakers.CreateDgOffersRequest(trip, DgRequestType.Fare);
                return Case(operation, null, dgOffers, c => c.CreateDgOffersAsync(dgOffers), ("itinerary", "array"));
            },
            [AirlineOperations.PostDgContracts] = _ =>
            {
                var dgContract = fakers.CreateDgContractRequest([DgOfferId], trip);
                return Case(operation, null, dgContract, c => c.CreateDgContractAsync(dgContract), ("offer_ids", "array"),
                    [ProviderState.Of(ProviderStates.DgOfferExists, (ProviderStateParams.OfferId, DgOfferId))]);
            },
            [AirlineOperations.GetDgContractsId] = given =>
            {
                var id = given ?? DgContractId;
                return Case<object, DgContract>(operation, id, null, c => c.GetDgContractAsync(id));
            },
            [AirlineOperations.PostDgContractsIdPayment] = given =>
            {
                var id = given ?? DgContractId;
                var dgPayment = fakers.ProcessDgPaymentRequest();
                return Case(operation, id, dgPayment, c => c.ProcessDgPaymentAsync(id, dgPayment), ("payment_token", "string"));
            },
            [AirlineOperations.PutDgContractsIdUpdateStatus] = given =>
            {
                var id = given ?? DgContractId;
                var dgStatus = fakers.UpdateDgContractStatusRequest(DgStatus.Confirmed, trip);
                return Case(operation, id, dgStatus, c => c.UpdateDgContractStatusAsync(id, dgStatus), ("status", "string"), [dg]);
            },
            [AirlineOperations.PutDgContractsIdItinerarySlices] = given =>
            {
                var id = given ?? DgContractId;
                var dgSlices = fakers.DgItinerarySlices(trip);
                return Case(operation, id, dgSlices, c => c.UpdateDgItinerarySlicesAsync(id, dgSlices), ("segments", "array"), [dg]);
            },
            [AirlineOperations.PostDgContractExercises] = _ =>
            {
                var dgExercise = fakers.CreateDgContractExerciseRequest(DgContractId, trip);
                return Case(operation, null, dgExercise, c => c.CreateDgExerciseAsync(dgExercise), ("contract_id", "string"));
            },
            [AirlineOperations.GetCustomerDgExercisesIdSession] = given =>
            {
                var id = given ?? DgExerciseId;
                return Case<object, GetDgExerciseSessionResponse>(operation, id, null, c => c.GetDgExerciseSessionAsync(id));
            },
        };
        return examples.TryGetValue(operation, out var example) ? example(id) : throw new ArgumentException($"No example request for {operation}.", nameof(operation));
    }

    /// <summary>The product's "contract exists" state for the product's contract id, in <paramref name="status"/>.</summary>
    public static ProviderState ContractExists(string product, string status = "created") => product == Products.Cfar
        ? ProviderState.Of(ProviderStates.CfarContractExists, (ProviderStateParams.ContractId, CfarContractId), (ProviderStateParams.Status, status))
        : ProviderState.Of(ProviderStates.DgContractExists, (ProviderStateParams.ContractId, DgContractId), (ProviderStateParams.Status, status));

    /// <summary>The call the pact records: the operation's method and path (from the table) and the body as the client serialises it.</summary>
    public static ApiCall Call<TBody>(AirlineOperation operation, string? id, TBody? body) =>
        new(new HttpMethod(operation.Method), "/" + operation.ResolvePath(id), body is null ? null : ContractTest.Json(body));

    private static OperationCase Case<TBody, T>(
        AirlineOperation operation, string? id, TBody? body, Func<AirlineApiClient, Task<ApiResponse<T>>> act,
        (string, string)? wrongType = null, IReadOnlyList<ProviderState>? notPerformedStates = null) =>
        new(operation, Describe(operation), Call(operation, id, body), async c =>
        {
            var response = await act(c);
            return new(response, response.Body);
        }, wrongType, notPerformedStates);
}
