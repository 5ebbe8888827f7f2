namespace Harness.ApiFacts;

/// <summary>A parameter of a provider state: its name in the pact's <c>params</c>, whether the state needs it, what it sets.</summary>
public sealed record ProviderStateParameter(string Name, bool Required, string Meaning)
{
    public static ProviderStateParameter Needed(string name, string meaning) => new(name, true, meaning);

    public static ProviderStateParameter Optional(string name, string meaning) => new(name, false, meaning);
}

/// <summary>A provider state as the sandbox serves it and the pacts name it: its exact name and its parameters.</summary>
public sealed record ProviderStateDefinition(string Name, string Meaning, IReadOnlyList<ProviderStateParameter> Parameters)
{
    /// <summary>The parameter called <paramref name="name"/>, or null when the state takes none by that name.</summary>
    public ProviderStateParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>The parameter names of the Airline API's provider states (snake_case, as the API's own fields).</summary>
public static class ProviderStateParams
{
    public const string SessionId = "session_id";
    public const string OfferId = "offer_id";
    public const string ContractId = "contract_id";
    public const string Status = "status";
    public const string PnrReference = "pnr_reference";
    public const string ExerciseId = "exercise_id";
    public const string VerificationCode = "verification_code";
    public const string OperationId = "operation_id";
    public const string Product = "product";
    public const string Token = "token";
    public const string Products = "products";
}

/// <summary>
/// The Airline API's provider states: the names the pacts use and <c>POST /_pact/provider-states</c> on the sandbox
/// serves (its README has the rule: a state holds for exactly one request). Entities are built on the standard trip
/// (<see cref="StandardTrip"/>); an entity created with a given id is then found by that id.
/// </summary>
public static class ProviderStates
{
    public const string SessionExists = "a session exists";
    public const string CfarOfferExists = "a CFAR offer exists";
    public const string CfarContractExists = "a CFAR contract exists";
    public const string ConfirmedCfarContractExists = "a confirmed CFAR contract exists";
    public const string CfarExerciseExists = "a CFAR exercise exists";
    public const string CompletedCfarExerciseExists = "a completed CFAR exercise exists";
    public const string DgOfferExists = "a DG offer exists";
    public const string DgContractExists = "a DG contract exists";
    public const string DgExerciseExists = "a DG exercise exists";
    public const string PaymentWillBeDeclined = "payment will be declined";
    public const string OperationAnswers204 = "operation X answers 204";
    public const string ClientLacksProduct = "the client lacks the product";
    public const string ValidTokenExists = "a valid token exists";

    private static readonly ProviderStateParameter OfferId = ProviderStateParameter.Optional(ProviderStateParams.OfferId, "the offer's id (generated when absent)");
    private static readonly ProviderStateParameter ContractId = ProviderStateParameter.Optional(ProviderStateParams.ContractId, "the contract's id (generated when absent)");
    private static readonly ProviderStateParameter PnrReference = ProviderStateParameter.Optional(ProviderStateParams.PnrReference, "the PNR the contract carries (default ABC123)");
    private static readonly ProviderStateParameter ExerciseId = ProviderStateParameter.Optional(ProviderStateParams.ExerciseId, "the exercise's id (generated when absent)");
    private static readonly ProviderStateParameter SessionId = ProviderStateParameter.Optional(ProviderStateParams.SessionId, "the exercise's session (created if new)");
    private static readonly ProviderStateParameter VerificationCode = ProviderStateParameter.Optional(ProviderStateParams.VerificationCode, "a verification code that also finds the exercise's receipt");

    /// <summary>Every state, with its parameters.</summary>
    public static IReadOnlyList<ProviderStateDefinition> All { get; } =
    [
        new(SessionExists, "a session exists", [ProviderStateParameter.Optional(ProviderStateParams.SessionId, "the session's id (generated when absent)")]),
        new(CfarOfferExists, "a CFAR offer for the standard trip, valid for the sandbox's offer lifetime", [OfferId]),
        new(CfarContractExists, "a CFAR contract from an offer for the standard trip",
            [ContractId, ProviderStateParameter.Optional(ProviderStateParams.Status, "the contract's status (default created)"), OfferId, PnrReference]),
        new(ConfirmedCfarContractExists, "a confirmed CFAR contract", [ContractId, OfferId, PnrReference]),
        new(CfarExerciseExists, "a CFAR exercise on a confirmed contract", [ExerciseId, ContractId, OfferId, SessionId, VerificationCode]),
        new(CompletedCfarExerciseExists, "a CFAR exercise on a confirmed contract, already marked completed", [ExerciseId, ContractId, OfferId, SessionId, VerificationCode]),
        new(DgOfferExists, "a DG offer for the standard trip", [OfferId]),
        new(DgContractExists, "a DG contract from an offer for the standard trip",
            [ContractId, ProviderStateParameter.Optional(ProviderStateParams.Status, "the contract's status (default created)"), OfferId, PnrReference]),
        new(DgExerciseExists, "a DG exercise on a confirmed contract", [ExerciseId, ContractId, OfferId, SessionId]),
        new(PaymentWillBeDeclined, "every payment answers {\"succeeded\": false}", []),
        new(OperationAnswers204, "the operation answers its \"validated but not performed\" 204",
            [ProviderStateParameter.Needed(ProviderStateParams.OperationId, "one of AirlineOperations.WithNotPerformed")]),
        new(ClientLacksProduct, "every token is refused (403) for the product's operations",
            [ProviderStateParameter.Needed(ProviderStateParams.Product, "\"cfar\" or \"dg\" (Products)")]),
        new(ValidTokenExists, "this bearer token is accepted (a pact's fixed token)",
            [ProviderStateParameter.Needed(ProviderStateParams.Token, "the token"), ProviderStateParameter.Optional(ProviderStateParams.Products, "the products it covers (default both)")]),
    ];

    /// <summary>The state names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The state called <paramref name="name"/>, or null.</summary>
    public static ProviderStateDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}

/// <summary>The parameter names of Atlas's provider states (camelCase, as Atlas's own fields).</summary>
public static class AtlasProviderStateParams
{
    public const string EventId = "eventId";
    public const string Type = "type";
    public const string EventType = "eventType";
    public const string OrderNo = "orderNo";
    public const string EventStatus = "eventStatus";
    public const string ConfirmedResult = "confirmedResult";
    public const string ConfirmedRemark = "confirmedRemark";
    public const string ClientId = "clientId";
    public const string Pnr = "pnr";
    public const string Airline = "airline";
    public const string PaxName = "paxName";
    public const string PaxEmail = "paxEmail";
    public const string Url = "url";
}

/// <summary>
/// The Atlas notifications API's provider states, served by the same <c>POST /_pact/provider-states</c> as the
/// Airline API's. A state holds until the sandbox resets (the next interaction, or a teardown).
/// </summary>
public static class AtlasProviderStates
{
    public const string IncidentExists = "an incident exists";
    public const string WebhookRegistered = "a webhook is registered";
    public const string CredentialsInvalid = "the client credentials are invalid";
    public const string RequestLimitExceeded = "the request limit is exceeded";

    private static readonly ProviderStateParameter ClientId = ProviderStateParameter.Optional(AtlasProviderStateParams.ClientId, "the Atlas client it belongs to (default the sandbox's first)");

    /// <summary>The incident fields a state may fix as text; the rest come from the fakers.</summary>
    public static IReadOnlyList<string> IncidentTextFields { get; } =
    [
        AtlasProviderStateParams.EventId, AtlasProviderStateParams.OrderNo, AtlasProviderStateParams.Pnr, AtlasProviderStateParams.Airline,
        AtlasProviderStateParams.PaxName, AtlasProviderStateParams.PaxEmail, AtlasProviderStateParams.ConfirmedResult, AtlasProviderStateParams.ConfirmedRemark,
    ];

    /// <summary>Every state, with its parameters.</summary>
    public static IReadOnlyList<ProviderStateDefinition> All { get; } =
    [
        new(IncidentExists, "an incident is stored; nobody is notified",
        [
            ProviderStateParameter.Optional(AtlasProviderStateParams.Type, "the event type (default email.schedulechange)"),
            ProviderStateParameter.Optional(AtlasProviderStateParams.EventType, "the same as type"),
            ProviderStateParameter.Optional(AtlasProviderStateParams.EventStatus, "the confirmation state, an integer"),
            .. IncidentTextFields.Select(f => ProviderStateParameter.Optional(f, "fixes that incident field")),
            ClientId,
        ]),
        new(WebhookRegistered, "a webhook URL is registered", [ProviderStateParameter.Optional(AtlasProviderStateParams.Url, "the URL (default http://127.0.0.1/atlas/webhook)"), ClientId]),
        new(CredentialsInvalid, "every request answers status 900", []),
        new(RequestLimitExceeded, "every call that passes authentication and validation answers HTTP 429 with retryAfter", []),
    ];

    /// <summary>The state names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The state called <paramref name="name"/>, or null.</summary>
    public static ProviderStateDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
