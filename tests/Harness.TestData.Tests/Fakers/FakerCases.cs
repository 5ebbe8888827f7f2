using Harness.TestData;

namespace Harness.TestData.Tests.Fakers;

/// <summary>One faker per request body, keyed by the operation whose body it is; each serializes as its declared type.</summary>
public static class FakerCases
{
    public static readonly IReadOnlyDictionary<string, Func<AirlineFakers, JsonNode>> ByOperationId = new Dictionary<string, Func<AirlineFakers, JsonNode>>
    {
        ["postAuth"] = f => RoundTripped(f.AuthRequest()),
        ["postSessions"] = f => RoundTripped(f.CreateAirlineSessionRequest()),
        ["postEvents"] = f => RoundTripped(f.Event()),
        ["postCfar_offers"] = f => RoundTripped(f.CreateCfarOfferRequest()),
        ["postCfar_offersExternal"] = f => RoundTripped(f.CreateExternalCfarOfferRequest()),
        ["postCfar_contracts"] = f => RoundTripped(f.CreateCfarContractRequest(["1ec9eed3-4486-6460-9d6c-2fb8469d35db"], f.Trip())),
        ["putCfar_contractsIdUpdate_status"] = f => RoundTripped(f.UpdateCfarContractRequest(f.Trip().Passengers.Count % 2 == 0 ? CfarStatus.Confirmed : CfarStatus.Canceled)),
        ["putCfar_contractsIdForms_of_payment"] = f => RoundTripped(f.UpdateCfarFormOfPaymentRequest()),
        ["postCfar_contractsIdPayment"] = f => RoundTripped(f.ProcessCfarPaymentRequest()),
        ["putCfar_contractsIdItinerary_slices"] = f => RoundTripped(f.UpdateCfarContractItinerarySlicesRequest()),
        ["postCfar_contract_exercises"] = f => RoundTripped(f.CreateCfarContractExerciseRequest("1ec9ef29-be31-6ed3-beec-9f5ae0d164ee")),
        ["putCfar_contract_exercisesIdMark_completed"] = f => RoundTripped(f.MarkCfarContractExerciseCompleteRequest()),
        ["postDg_offers"] = f => RoundTripped(f.CreateDgOffersRequest()),
        ["postDg_contracts"] = f => RoundTripped(f.CreateDgContractRequest(["1ec9eed3-4486-6460-9d6c-2fb8469d35db"], f.Trip())),
        ["postDg_contractsIdPayment"] = f => RoundTripped(f.ProcessDgPaymentRequest()),
        ["putDg_contractsIdUpdate_status"] = f => RoundTripped(f.UpdateDgContractStatusRequest()),
        ["putDg_contractsIdItinerary_slices"] = f => RoundTripped(f.DgItinerarySlices()),
        ["postDg_contract_exercises"] = f => RoundTripped(f.CreateDgContractExerciseRequest("1ec9ef29-be31-6ed3-beec-9f5ae0d164ee")),
    };

    /// <summary>Serializes, reads back into the model and serializes again; throws if the two JSON texts differ.</summary>
    public static JsonNode RoundTripped<T>(T value)
    {
        var json = AirlineJson.Serialize(value);
        var again = AirlineJson.Serialize(AirlineJson.Deserialize<T>(json));
        if (json != again)
        {
            throw new InvalidOperationException($"{typeof(T).Name} did not round-trip:\n{json}\n{again}");
        }

        return JsonNode.Parse(json)!;
    }
}
