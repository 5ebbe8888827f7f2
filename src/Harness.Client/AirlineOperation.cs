namespace Harness.Client;

/// <summary>How an operation declares the <c>HC-Session-ID</c> request header (guide §3).</summary>
public enum SessionHeaderUsage
{
    /// <summary>Not declared as a parameter; the client does not send it.</summary>
    NotDeclared,

    /// <summary>Declared <c>required: false</c>.</summary>
    Optional,

    /// <summary>Declared <c>required: true</c> (only <c>postEvents</c>).</summary>
    Required,
}

/// <summary>One of the spec's 23 operations: what contracts, coverage and the sandbox key on.</summary>
/// <param name="OperationId">The spec's operationId, e.g. <c>postCfar_offers</c>.</param>
/// <param name="Method">HTTP method in upper case.</param>
/// <param name="PathTemplate">Path relative to the server URL, e.g. <c>/cfar_contracts/{id}/payment</c>.</param>
/// <param name="SuccessStatusCodes">Only these count as success (spec: postAuth answers 201, not 200).</param>
/// <param name="NotPerformedOn204">True for the eight operations whose 204 means "validated but not performed".</param>
/// <param name="RequiresToken">True when the spec's security asks for the <c>PartnerAuth</c> bearer token.</param>
/// <param name="SessionHeader">How <c>HC-Session-ID</c> is declared.</param>
/// <param name="ReturnsHtsSessionId">True when the success response declares the <c>HTS-Session-ID</c> header.</param>
public sealed record AirlineOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<int> SuccessStatusCodes,
    bool NotPerformedOn204,
    bool RequiresToken,
    SessionHeaderUsage SessionHeader,
    bool ReturnsHtsSessionId)
{
    /// <summary>The path with <c>{id}</c> filled in (escaped), relative to the base URL and without a leading slash.</summary>
    public string ResolvePath(string? id)
    {
        var path = PathTemplate.TrimStart('/');
        if (!path.Contains("{id}", StringComparison.Ordinal))
        {
            return path;
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"{OperationId} needs a non-empty id for {PathTemplate}.", nameof(id));
        }

        return path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
    }

    public override string ToString() => $"{Method} {PathTemplate} ({OperationId})";
}

/// <summary>The spec's 23 operations, in spec order of the operation index.</summary>
public static class AirlineOperations
{
    private static readonly int[] Ok = [200];
    private static readonly int[] Created = [201];
    private static readonly int[] NoContent = [204];
    private static readonly int[] OkOrNotPerformed = [200, 204];
    private static readonly int[] CreatedOrNotPerformed = [201, 204];

    public static readonly AirlineOperation PostEvents = new("postEvents", "POST", "/events", NoContent, false, true, SessionHeaderUsage.Required, false);
    public static readonly AirlineOperation PostSessions = new("postSessions", "POST", "/sessions", CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostCfarOffers = new("postCfar_offers", "POST", "/cfar_offers", Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostCfarOffersExternal = new("postCfar_offersExternal", "POST", "/cfar_offers/external", Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostCfarContracts = new("postCfar_contracts", "POST", "/cfar_contracts", CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation GetCfarContractsId = new("getCfar_contractsId", "GET", "/cfar_contracts/{id}", Ok, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdUpdateStatus = new("putCfar_contractsIdUpdate_status", "PUT", "/cfar_contracts/{id}/update_status", OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdFormsOfPayment = new("putCfar_contractsIdForms_of_payment", "PUT", "/cfar_contracts/{id}/forms_of_payment", OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostCfarContractsIdPayment = new("postCfar_contractsIdPayment", "POST", "/cfar_contracts/{id}/payment", Ok, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdItinerarySlices = new("putCfar_contractsIdItinerary_slices", "PUT", "/cfar_contracts/{id}/itinerary_slices", OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostCfarContractExercises = new("postCfar_contract_exercises", "POST", "/cfar_contract_exercises", Created, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractExercisesIdMarkCompleted = new("putCfar_contract_exercisesIdMark_completed", "PUT", "/cfar_contract_exercises/{id}/mark_completed", Ok, false, true, SessionHeaderUsage.Optional, false);

    // Spec security for both receipts is [ {}, { SessionAuth: [] } ]: anonymous or HC-Session-ID, no bearer token.
    public static readonly AirlineOperation GetCustomerCfarPayoutReceipt = new("getCustomerCfarPayoutReceipt", "GET", "/customer/cfar/payout/receipt", Ok, false, false, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostDgOffers = new("postDg_offers", "POST", "/dg_offers", Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostDgContracts = new("postDg_contracts", "POST", "/dg_contracts", CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation GetDgContractsId = new("getDg_contractsId", "GET", "/dg_contracts/{id}", Ok, false, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostDgContractsIdPayment = new("postDg_contractsIdPayment", "POST", "/dg_contracts/{id}/payment", Ok, false, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PutDgContractsIdUpdateStatus = new("putDg_contractsIdUpdate_status", "PUT", "/dg_contracts/{id}/update_status", OkOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PutDgContractsIdItinerarySlices = new("putDg_contractsIdItinerary_slices", "PUT", "/dg_contracts/{id}/itinerary_slices", OkOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostDgContractExercises = new("postDg_contract_exercises", "POST", "/dg_contract_exercises", Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation GetCustomerDgPayoutReceipt = new("getCustomerDgPayoutReceipt", "GET", "/customer/dg/payout/receipt", Ok, false, false, SessionHeaderUsage.Optional, false);

    // No security at all in the spec.
    public static readonly AirlineOperation GetCustomerDgExercisesIdSession = new("getCustomerDg_exercisesIdSession", "GET", "/customer/dg_exercises/{id}/session", Ok, false, false, SessionHeaderUsage.NotDeclared, false);

    // Spec: 201, not 200; JSON body, not a form-encoded OAuth grant.
    public static readonly AirlineOperation PostAuth = new("postAuth", "POST", "/auth", Created, false, false, SessionHeaderUsage.NotDeclared, false);

    /// <summary>All 23 operations.</summary>
    public static IReadOnlyList<AirlineOperation> All { get; } =
    [
        PostEvents, PostSessions, PostCfarOffers, PostCfarOffersExternal, PostCfarContracts, GetCfarContractsId,
        PutCfarContractsIdUpdateStatus, PutCfarContractsIdFormsOfPayment, PostCfarContractsIdPayment,
        PutCfarContractsIdItinerarySlices, PostCfarContractExercises, PutCfarContractExercisesIdMarkCompleted,
        GetCustomerCfarPayoutReceipt, PostDgOffers, PostDgContracts, GetDgContractsId, PostDgContractsIdPayment,
        PutDgContractsIdUpdateStatus, PutDgContractsIdItinerarySlices, PostDgContractExercises, GetCustomerDgPayoutReceipt,
        GetCustomerDgExercisesIdSession, PostAuth,
    ];

    /// <summary>Finds an operation by operationId; throws naming the unknown id.</summary>
    public static AirlineOperation ById(string operationId) =>
        All.FirstOrDefault(o => o.OperationId == operationId)
        ?? throw new ArgumentException($"'{operationId}' is not one of the spec's 23 operationIds.", nameof(operationId));
}
