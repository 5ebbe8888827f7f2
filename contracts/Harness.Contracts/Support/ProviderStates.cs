namespace Harness.Contracts.Support;

/// <summary>
/// The provider states the pacts use, spelled exactly as the sandbox's <c>Harness.Sandbox.ProviderStates</c> (the
/// provider verification runs them); parameters as documented there.
/// </summary>
public static class ProviderStates
{
    /// <summary>{token, [products]}: this bearer token is accepted.</summary>
    public const string ValidTokenExists = "a valid token exists";

    /// <summary>{product}: tokens are refused (403) for that product's operations.</summary>
    public const string ClientLacksProduct = "the client lacks the product";

    /// <summary>{operation_id}: the operation answers its "validated but not performed" 204.</summary>
    public const string OperationAnswers204 = "operation X answers 204";

    /// <summary>{session_id}</summary>
    public const string SessionExists = "a session exists";

    /// <summary>{offer_id}</summary>
    public const string CfarOfferExists = "a CFAR offer exists";

    /// <summary>{contract_id, [status], [offer_id]}</summary>
    public const string CfarContractExists = "a CFAR contract exists";

    /// <summary>{contract_id, [pnr_reference]}</summary>
    public const string ConfirmedCfarContractExists = "a confirmed CFAR contract exists";

    /// <summary>{exercise_id, [contract_id], [session_id], [verification_code]}</summary>
    public const string CfarExerciseExists = "a CFAR exercise exists";

    /// <summary>{exercise_id, [contract_id], [session_id], [verification_code]}</summary>
    public const string CompletedCfarExerciseExists = "a completed CFAR exercise exists";

    /// <summary>{offer_id}</summary>
    public const string DgOfferExists = "a DG offer exists";

    /// <summary>{contract_id, [status], [offer_id]}</summary>
    public const string DgContractExists = "a DG contract exists";

    /// <summary>{exercise_id, [contract_id], [session_id]}</summary>
    public const string DgExerciseExists = "a DG exercise exists";

    /// <summary>No parameters: every payment answers {"succeeded": false}.</summary>
    public const string PaymentWillBeDeclined = "payment will be declined";
}

/// <summary>A provider state with its parameters, as an interaction's <c>Given</c>.</summary>
public sealed record ProviderState(string Name, IReadOnlyDictionary<string, string> Parameters)
{
    public static ProviderState Of(string name, params (string Name, string Value)[] parameters) =>
        new(name, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}
