using Harness.Client.Models;

namespace Harness.Client;

/// <summary>
/// The HTS Ancillaries for Airlines API v1.1, one method per operation: what <see cref="AirlineApiClient"/> implements and
/// what <c>services.AddAirlineApiClient(configuration)</c> hands out. Each method names its spec <c>operationId</c>.
/// </summary>
public interface IAirlineApiClient
{
    /// <summary><c>postAuth</c>: POST /auth. Exchanges the configured credentials for a token and caches it.</summary>
    Task<ApiResponse<AuthResponse>> AuthenticateAsync(CancellationToken cancellationToken = default);

    /// <summary><c>postSessions</c>: POST /sessions. 204 means "not performed" (no session id).</summary>
    Task<ApiResponse<AirlineSession>> CreateSessionAsync(CreateAirlineSessionRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>postEvents</c>: POST /events. <c>HC-Session-ID</c> is required; success is 204.</summary>
    Task<ApiResponse> SendEventAsync(string hcSessionId, Event evt, CancellationToken cancellationToken = default);

    /// <summary><c>postCfar_offers</c>: POST /cfar_offers. Read <see cref="ApiResponse.HtsSessionId"/> from the result.</summary>
    Task<ApiResponse<IReadOnlyList<CfarOffer>>> CreateCfarOffersAsync(CreateCfarOfferRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postCfar_offersExternal</c>: POST /cfar_offers/external. Returns one offer, not an array.</summary>
    Task<ApiResponse<CfarOffer>> CreateExternalCfarOfferAsync(CreateExternalCfarOfferRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postCfar_contracts</c>: POST /cfar_contracts. 204 means "validated but not performed".</summary>
    Task<ApiResponse<CfarContract>> CreateCfarContractAsync(CreateCfarContractRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>getCfar_contractsId</c>: GET /cfar_contracts/{id}.</summary>
    Task<ApiResponse<CfarContract>> GetCfarContractAsync(string contractId, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>putCfar_contractsIdUpdate_status</c>: PUT /cfar_contracts/{id}/update_status. 204 means "validated but not performed".</summary>
    Task<ApiResponse<CfarContract>> UpdateCfarContractStatusAsync(string contractId, UpdateCfarContractRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>putCfar_contractsIdForms_of_payment</c>: PUT /cfar_contracts/{id}/forms_of_payment. 204 means "validated but not performed".</summary>
    Task<ApiResponse<CfarContract>> UpdateCfarFormsOfPaymentAsync(string contractId, UpdateCfarFormOfPaymentRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postCfar_contractsIdPayment</c>: POST /cfar_contracts/{id}/payment.</summary>
    Task<ApiResponse<CfarPayment>> ProcessCfarPaymentAsync(string contractId, ProcessCfarPaymentRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>putCfar_contractsIdItinerary_slices</c>: PUT /cfar_contracts/{id}/itinerary_slices. 204 means "validated but not performed".</summary>
    Task<ApiResponse<CfarContract>> UpdateCfarItinerarySlicesAsync(string contractId, UpdateCfarContractItinerarySlicesRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postCfar_contract_exercises</c>: POST /cfar_contract_exercises.</summary>
    Task<ApiResponse<CfarContractExercise>> CreateCfarExerciseAsync(CreateCfarContractExerciseRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>putCfar_contract_exercisesIdMark_completed</c>: PUT /cfar_contract_exercises/{id}/mark_completed.</summary>
    Task<ApiResponse<CfarContractExercise>> MarkCfarExerciseCompletedAsync(string exerciseId, MarkCfarContractExerciseCompleteRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>getCustomerCfarPayoutReceipt</c>: GET /customer/cfar/payout/receipt (PDF; anonymous or session header).</summary>
    Task<ApiResponse<PayoutReceipt>> GetCfarPayoutReceiptAsync(string? verificationCode = null, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postDg_offers</c>: POST /dg_offers. Read <see cref="ApiResponse.HtsSessionId"/> from the result.</summary>
    Task<ApiResponse<IReadOnlyList<CreateDgOfferItemResponse>>> CreateDgOffersAsync(CreateDgOffersRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>postDg_contracts</c>: POST /dg_contracts. 204 means "validated but not performed".</summary>
    Task<ApiResponse<DgContract>> CreateDgContractAsync(CreateDgContractRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>getDg_contractsId</c>: GET /dg_contracts/{id}.</summary>
    Task<ApiResponse<DgContract>> GetDgContractAsync(string contractId, CancellationToken cancellationToken = default);

    /// <summary><c>postDg_contractsIdPayment</c>: POST /dg_contracts/{id}/payment.</summary>
    Task<ApiResponse<DgPayment>> ProcessDgPaymentAsync(string contractId, ProcessDgPaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>putDg_contractsIdUpdate_status</c>: PUT /dg_contracts/{id}/update_status. 204 means "validated but not performed".</summary>
    Task<ApiResponse<DgContract>> UpdateDgContractStatusAsync(string contractId, UpdateDgContractStatusRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>putDg_contractsIdItinerary_slices</c>: PUT /dg_contracts/{id}/itinerary_slices. The body is a bare array (minItems 1).</summary>
    Task<ApiResponse<DgContract>> UpdateDgItinerarySlicesAsync(string contractId, IReadOnlyList<DgItinerarySlice> slices, CancellationToken cancellationToken = default);

    /// <summary><c>postDg_contract_exercises</c>: POST /dg_contract_exercises. Read <see cref="ApiResponse.HtsSessionId"/> from the result.</summary>
    Task<ApiResponse<CreateDgContractExerciseResponse>> CreateDgExerciseAsync(CreateDgContractExerciseRequest request, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>getCustomerDgPayoutReceipt</c>: GET /customer/dg/payout/receipt (PDF; anonymous or session header).</summary>
    Task<ApiResponse<PayoutReceipt>> GetDgPayoutReceiptAsync(string? verificationCode = null, string? hcSessionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>getCustomerDg_exercisesIdSession</c>: GET /customer/dg_exercises/{id}/session (no authentication).</summary>
    Task<ApiResponse<GetDgExerciseSessionResponse>> GetDgExerciseSessionAsync(string exerciseId, CancellationToken cancellationToken = default);
}
