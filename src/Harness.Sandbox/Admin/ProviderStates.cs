namespace Harness.Sandbox;

/// <summary>
/// The provider states POST /_pact/provider-states understands (see README.md). Parameters in brackets are optional;
/// an entity created with a given id is then found by that id.
/// </summary>
public static class ProviderStates
{
    /// <summary>{session_id}</summary>
    public const string SessionExists = "a session exists";

    /// <summary>{offer_id}: a CFAR offer for the standard itinerary (StandardItinerary), valid for an hour.</summary>
    public const string CfarOfferExists = "a CFAR offer exists";

    /// <summary>{contract_id, [status] (default created), [offer_id]}</summary>
    public const string CfarContractExists = "a CFAR contract exists";

    /// <summary>{contract_id, [pnr_reference]}</summary>
    public const string ConfirmedCfarContractExists = "a confirmed CFAR contract exists";

    /// <summary>{exercise_id, [contract_id], [session_id], [verification_code]}: a CFAR exercise on a confirmed contract.</summary>
    public const string CfarExerciseExists = "a CFAR exercise exists";

    /// <summary>{exercise_id, [contract_id], [session_id], [verification_code]}: as above, already marked completed.</summary>
    public const string CompletedCfarExerciseExists = "a completed CFAR exercise exists";

    /// <summary>{offer_id}</summary>
    public const string DgOfferExists = "a DG offer exists";

    /// <summary>{contract_id, [status] (default created), [offer_id]}</summary>
    public const string DgContractExists = "a DG contract exists";

    /// <summary>{exercise_id, [contract_id], [session_id]}: a DG exercise on a confirmed contract.</summary>
    public const string DgExerciseExists = "a DG exercise exists";

    /// <summary>No parameters: every payment answers {"succeeded": false} until teardown.</summary>
    public const string PaymentWillBeDeclined = "payment will be declined";

    /// <summary>{operation_id}: one of the eight operations that declare it answers its "validated but not performed" 204.</summary>
    public const string OperationAnswers204 = "operation X answers 204";

    /// <summary>{product} ("cfar" or "dg"): every token is refused (403) for that product's operations.</summary>
    public const string ClientLacksProduct = "the client lacks the product";

    /// <summary>{token, [products]}: this bearer token is accepted (a pact's fixed token).</summary>
    public const string ValidTokenExists = "a valid token exists";

    public static IReadOnlyList<string> All { get; } =
    [
        SessionExists, CfarOfferExists, CfarContractExists, ConfirmedCfarContractExists, CfarExerciseExists,
        CompletedCfarExerciseExists, DgOfferExists, DgContractExists, DgExerciseExists, PaymentWillBeDeclined,
        OperationAnswers204, ClientLacksProduct, ValidTokenExists,
    ];
}
