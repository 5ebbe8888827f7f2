namespace Harness.Sandbox;

/// <summary>The spec's operationIds, for the 204 switch, response breaking and provider states.</summary>
public static class AirlineOperations
{
    public const string PostEvents = "postEvents";
    public const string PostSessions = "postSessions";
    public const string PostCfarOffers = "postCfar_offers";
    public const string PostCfarOffersExternal = "postCfar_offersExternal";
    public const string PostCfarContracts = "postCfar_contracts";
    public const string GetCfarContract = "getCfar_contractsId";
    public const string UpdateCfarContractStatus = "putCfar_contractsIdUpdate_status";
    public const string UpdateCfarFormsOfPayment = "putCfar_contractsIdForms_of_payment";
    public const string ProcessCfarPayment = "postCfar_contractsIdPayment";
    public const string UpdateCfarItinerarySlices = "putCfar_contractsIdItinerary_slices";
    public const string CreateCfarExercise = "postCfar_contract_exercises";
    public const string MarkCfarExerciseCompleted = "putCfar_contract_exercisesIdMark_completed";
    public const string GetCfarPayoutReceipt = "getCustomerCfarPayoutReceipt";
    public const string PostDgOffers = "postDg_offers";
    public const string PostDgContracts = "postDg_contracts";
    public const string GetDgContract = "getDg_contractsId";
    public const string ProcessDgPayment = "postDg_contractsIdPayment";
    public const string UpdateDgContractStatus = "putDg_contractsIdUpdate_status";
    public const string UpdateDgItinerarySlices = "putDg_contractsIdItinerary_slices";
    public const string CreateDgExercise = "postDg_contract_exercises";
    public const string GetDgPayoutReceipt = "getCustomerDgPayoutReceipt";
    public const string GetDgExerciseSession = "getCustomerDg_exercisesIdSession";
    public const string PostAuth = "postAuth";

    /// <summary>The eight operations whose spec declares a "validated but not performed" 204.</summary>
    public static readonly IReadOnlySet<string> WithNotPerformed = new HashSet<string>(StringComparer.Ordinal)
    {
        PostSessions, PostCfarContracts, UpdateCfarContractStatus, UpdateCfarFormsOfPayment, UpdateCfarItinerarySlices,
        PostDgContracts, UpdateDgContractStatus, UpdateDgItinerarySlices,
    };
}
