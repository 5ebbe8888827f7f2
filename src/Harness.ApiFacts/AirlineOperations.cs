namespace Harness.ApiFacts;

/// <summary>How an operation declares the <c>HC-Session-ID</c> request header (hopper-airlines-guide.md §3).</summary>
public enum SessionHeaderUsage
{
    /// <summary>Not declared as a parameter; the client does not send it.</summary>
    NotDeclared,

    /// <summary>Declared <c>required: false</c>.</summary>
    Optional,

    /// <summary>Declared <c>required: true</c> (only <c>postEvents</c>).</summary>
    Required,
}

/// <summary>The product names a token can cover (the sandbox's clients, the token scope, the 403 provider state).</summary>
public static class Products
{
    public const string Cfar = "cfar";
    public const string Dg = "dg";
}

/// <summary>
/// One of the spec's 23 operations: what the client calls, the sandbox routes, the contracts and the coverage matrix
/// key on. <c>AirlineOperationsTests</c> checks every row against the spec.
/// </summary>
/// <param name="OperationId">The spec's operationId, e.g. <c>postCfar_offers</c>.</param>
/// <param name="Method">HTTP method in upper case.</param>
/// <param name="PathTemplate">Path relative to the server URL, e.g. <c>/cfar_contracts/{id}/payment</c>.</param>
/// <param name="Product">The product whose token scope the operation needs (<see cref="Products"/>), or null for none.</param>
/// <param name="SuccessStatusCodes">Only these count as success (spec: postAuth answers 201, not 200).</param>
/// <param name="NotPerformedOn204">True for the eight operations whose 204 means "validated but not performed".</param>
/// <param name="RequiresToken">True when the spec's security asks for the <c>PartnerAuth</c> bearer token.</param>
/// <param name="SessionHeader">How <c>HC-Session-ID</c> is declared.</param>
/// <param name="ReturnsHtsSessionId">True when the success response declares the <c>HTS-Session-ID</c> header.</param>
/// <param name="CacheHeaders">True when every 2xx declares <c>Expires</c> and <c>Cache-Control</c> (all but postAuth and the DG exercise session lookup).</param>
public sealed record AirlineOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    string? Product,
    IReadOnlyList<int> SuccessStatusCodes,
    bool NotPerformedOn204,
    bool RequiresToken,
    SessionHeaderUsage SessionHeader,
    bool ReturnsHtsSessionId,
    bool CacheHeaders = true)
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
    /// <summary>The path of the spec's server URL: every operation's path sits under it (the sandbox serves it there).</summary>
    public const string BasePath = "/airline/v1.1";

    private static readonly int[] Ok = [200];
    private static readonly int[] Created = [201];
    private static readonly int[] NoContent = [204];
    private static readonly int[] OkOrNotPerformed = [200, 204];
    private static readonly int[] CreatedOrNotPerformed = [201, 204];

    public static readonly AirlineOperation PostEvents = new("postEvents", "POST", "/events", null, NoContent, false, true, SessionHeaderUsage.Required, false);
    public static readonly AirlineOperation PostSessions = new("postSessions", "POST", "/sessions", null, CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostCfarOffers = new("postCfar_offers", "POST", "/cfar_offers", Products.Cfar, Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostCfarOffersExternal = new("postCfar_offersExternal", "POST", "/cfar_offers/external", Products.Cfar, Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostCfarContracts = new("postCfar_contracts", "POST", "/cfar_contracts", Products.Cfar, CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation GetCfarContractsId = new("getCfar_contractsId", "GET", "/cfar_contracts/{id}", Products.Cfar, Ok, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdUpdateStatus = new("putCfar_contractsIdUpdate_status", "PUT", "/cfar_contracts/{id}/update_status", Products.Cfar, OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdFormsOfPayment = new("putCfar_contractsIdForms_of_payment", "PUT", "/cfar_contracts/{id}/forms_of_payment", Products.Cfar, OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostCfarContractsIdPayment = new("postCfar_contractsIdPayment", "POST", "/cfar_contracts/{id}/payment", Products.Cfar, Ok, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractsIdItinerarySlices = new("putCfar_contractsIdItinerary_slices", "PUT", "/cfar_contracts/{id}/itinerary_slices", Products.Cfar, OkOrNotPerformed, true, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostCfarContractExercises = new("postCfar_contract_exercises", "POST", "/cfar_contract_exercises", Products.Cfar, Created, false, true, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PutCfarContractExercisesIdMarkCompleted = new("putCfar_contract_exercisesIdMark_completed", "PUT", "/cfar_contract_exercises/{id}/mark_completed", Products.Cfar, Ok, false, true, SessionHeaderUsage.Optional, false);

    // Spec security for both receipts is [ {}, { SessionAuth: [] } ]: anonymous or HC-Session-ID, no bearer token.
    public static readonly AirlineOperation GetCustomerCfarPayoutReceipt = new("getCustomerCfarPayoutReceipt", "GET", "/customer/cfar/payout/receipt", null, Ok, false, false, SessionHeaderUsage.Optional, false);
    public static readonly AirlineOperation PostDgOffers = new("postDg_offers", "POST", "/dg_offers", Products.Dg, Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation PostDgContracts = new("postDg_contracts", "POST", "/dg_contracts", Products.Dg, CreatedOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation GetDgContractsId = new("getDg_contractsId", "GET", "/dg_contracts/{id}", Products.Dg, Ok, false, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostDgContractsIdPayment = new("postDg_contractsIdPayment", "POST", "/dg_contracts/{id}/payment", Products.Dg, Ok, false, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PutDgContractsIdUpdateStatus = new("putDg_contractsIdUpdate_status", "PUT", "/dg_contracts/{id}/update_status", Products.Dg, OkOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PutDgContractsIdItinerarySlices = new("putDg_contractsIdItinerary_slices", "PUT", "/dg_contracts/{id}/itinerary_slices", Products.Dg, OkOrNotPerformed, true, true, SessionHeaderUsage.NotDeclared, false);
    public static readonly AirlineOperation PostDgContractExercises = new("postDg_contract_exercises", "POST", "/dg_contract_exercises", Products.Dg, Created, false, true, SessionHeaderUsage.Optional, true);
    public static readonly AirlineOperation GetCustomerDgPayoutReceipt = new("getCustomerDgPayoutReceipt", "GET", "/customer/dg/payout/receipt", null, Ok, false, false, SessionHeaderUsage.Optional, false);

    // No security at all in the spec.
    public static readonly AirlineOperation GetCustomerDgExercisesIdSession = new("getCustomerDg_exercisesIdSession", "GET", "/customer/dg_exercises/{id}/session", null, Ok, false, false, SessionHeaderUsage.NotDeclared, false, CacheHeaders: false);

    // Spec: 201, not 200; JSON body, not a form-encoded OAuth grant.
    public static readonly AirlineOperation PostAuth = new("postAuth", "POST", "/auth", null, Created, false, false, SessionHeaderUsage.NotDeclared, false, CacheHeaders: false);

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

    /// <summary>The operationIds of the eight operations whose spec declares a "validated but not performed" 204.</summary>
    public static IReadOnlySet<string> WithNotPerformed { get; } =
        All.Where(o => o.NotPerformedOn204).Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Finds an operation by operationId; throws naming the unknown id.</summary>
    public static AirlineOperation ById(string operationId) =>
        All.FirstOrDefault(o => o.OperationId == operationId)
        ?? throw new ArgumentException($"'{operationId}' is not one of the spec's 23 operationIds.", nameof(operationId));
}
