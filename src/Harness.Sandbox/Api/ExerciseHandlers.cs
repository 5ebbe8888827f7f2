using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;
using Harness.Sandbox.Receipts;

namespace Harness.Sandbox.Api;

/// <summary>
/// Exercises of either product and their payout receipts: the mechanics both share. What an exercise holds, how it is
/// answered and how its receipt is found is the product's own (<see cref="CfarExerciseHandlers"/>,
/// <see cref="DgExerciseHandlers"/>).
/// </summary>
/// <param name="sandbox">The sandbox whose state the exercises live in.</param>
/// <param name="rules">The product's rules.</param>
/// <param name="createsSessionWhenAbsent">Whether an exercise sent with neither HC-Session-ID nor an inline session gets a new session.</param>
/// <param name="verificationCode">What the receipt's verification-code header carries, for the error that asks for it.</param>
internal abstract class ExerciseHandlers<TExercise>(AirlineSandbox sandbox, ProductRules rules, bool createsSessionWhenAbsent, string verificationCode)
    where TExercise : class, IExercise
{
    protected AirlineSandbox Sandbox => sandbox;

    protected SandboxState State => Sandbox.State;

    /// <summary>
    /// Only a confirmed, unexpired contract of the product can be exercised, once. The checks and the creation hold
    /// the contract's gate, so a concurrent status change or exercise cannot slip in between.
    /// </summary>
    public ApiResult Create(OperationRequest request)
    {
        var contract = ExercisableContract(request.Object);
        lock (contract.Gate)
        {
            if (contract.Status != "confirmed")
            {
                throw ApiException.Unprocessable("contract_id", "not_confirmed", $"Only a confirmed contract can be exercised; this one is \"{contract.Status}\".");
            }

            if (contract.ExpiresAt <= request.Now)
            {
                throw ApiException.Unprocessable("contract_id", "contract_expired", $"The contract expired at {Pricing.Timestamp(contract.ExpiresAt)}.");
            }

            var session = SessionPlan.For(request, State, createsSessionWhenAbsent);
            if (contract.ExerciseId is { } existing)
            {
                throw ApiException.Unprocessable("contract_id", "already_exercised", $"The contract was already exercised (exercise '{existing}').");
            }

            var exercise = NewExercise(RandomIds.NewId(), contract, session.Id, request);
            session.Commit(State, request.Now);
            contract.ExerciseId = exercise.Id;
            Add(exercise);
            return Created(exercise);
        }
    }

    /// <summary>The spec gives receipts no id: they are found by the verification-code header or by the exercise's session.</summary>
    public ApiResult GetPayoutReceipt(OperationRequest request)
    {
        TExercise? exercise;
        if (request.Header("verification-code") is { } code)
        {
            exercise = FindByVerificationCode(code);
        }
        else if (request.SessionId is { } sessionId)
        {
            exercise = LatestOfSession(sessionId);
        }
        else
        {
            throw ApiException.Unprocessable("verification-code", "required",
                $"Send the verification-code header ({verificationCode}) or the HC-Session-ID of the exercise's session.");
        }

        if (exercise is null)
        {
            throw ApiException.NotFound();
        }

        var receipt = Receipt(exercise);
        return new ApiResult(200, Pdf: receipt.ToPdf(), FileName: receipt.FileName);
    }

    protected abstract TExercise NewExercise(string id, Contract contract, string? sessionId, OperationRequest request);

    /// <summary>Stores a new exercise (and indexes it where the product finds it by more than its id).</summary>
    protected abstract void Add(TExercise exercise);

    /// <summary>The 201 answer to the exercise request.</summary>
    protected abstract ApiResult Created(TExercise exercise);

    protected abstract TExercise? FindByVerificationCode(string code);

    /// <summary>The exercise of the session whose receipt is wanted, or null.</summary>
    protected abstract TExercise? LatestOfSession(string sessionId);

    /// <summary>What the exercise's receipt says; 422 when there is no payout yet.</summary>
    protected abstract PayoutReceipt Receipt(TExercise exercise);

    protected PayoutReceipt Receipt(TExercise exercise, string detail, decimal amount, string timeLabel, DateTimeOffset time) =>
        new(rules, exercise.Contract.Id, exercise.Id, detail, amount, exercise.Contract.Currency, timeLabel, time);

    /// <summary>contract_id is optional in CFAR's spec (DG's requires it); without it the contract is found by pnr_reference.</summary>
    private Contract ExercisableContract(JsonObject body)
    {
        if ((string?)body["contract_id"] is { } contractId)
        {
            return State.Contracts.TryGet(contractId, out var contract) && contract.Product == rules.Product
                ? contract
                : throw ApiException.Unprocessable("contract_id", "unknown_contract", $"contract_id '{contractId}' is not a known {rules.Label} contract.");
        }

        var pnr = (string)body["pnr_reference"]!;
        return State.Contracts.Values.FirstOrDefault(c => c.Product == rules.Product && c.Snapshot()["pnr_reference"]?.GetValue<string>() == pnr)
            ?? throw ApiException.Unprocessable("contract_id", "required", $"contract_id is required: no {rules.Label} contract has pnr_reference '{pnr}'.");
    }
}
