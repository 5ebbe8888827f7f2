using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;
using Harness.Sandbox.Receipts;

namespace Harness.Sandbox.Api;

/// <summary>
/// CFAR exercises: refund allowances, completion once, and a receipt once completed, found by the exercise's
/// redirection_token.
/// </summary>
internal sealed class CfarExerciseHandlers(AirlineSandbox sandbox)
    : ExerciseHandlers<CfarExercise>(sandbox, CfarRules.Instance, createsSessionWhenAbsent: false, verificationCode: "the exercise's redirection_token")
{
    public ApiResult MarkCompleted(OperationRequest request)
    {
        if (request.Id is null || !State.CfarExercises.TryGet(request.Id, out var exercise))
        {
            throw ApiException.NotFound();
        }

        var body = request.Object;
        var method = (string?)body["refund_method"] ?? "cash";
        lock (exercise.Gate)
        {
            if (exercise.Completed)
            {
                throw ApiException.Unprocessable("id", "already_completed", $"Exercise '{exercise.Id}' was already marked completed.");
            }

            var allowance = method == "cash" ? exercise.CashAllowance : exercise.FtcAllowance;
            var amount = body["refund_amount"] is JsonValue value ? Pricing.ParseAmount((string)value!) : allowance;
            if (amount > allowance)
            {
                throw ApiException.Unprocessable("refund_amount", "above_allowance", $"refund_amount {Pricing.Money(amount)} is above the {method} refund allowance {Pricing.Money(allowance)}.");
            }

            exercise.Completed = true;
            exercise.RefundAmount = amount;
            exercise.RefundMethod = method;
            exercise.CompletedAt = request.Now;
            return new ApiResult(200, (JsonObject)exercise.Body.DeepClone());
        }
    }

    protected override CfarExercise NewExercise(string id, Contract contract, string? sessionId, OperationRequest request)
    {
        var allowance = CfarRules.RefundAllowance(contract);
        var body = new JsonObject
        {
            ["id"] = id,
            ["contract_id"] = contract.Id,
            ["exercise_initiated_date_time"] = Pricing.Timestamp(request.Now),
            ["cash_refund_allowance"] = Pricing.Money(allowance),
            ["ftc_refund_allowance"] = Pricing.Money(allowance),
            ["currency"] = contract.Currency,
            ["ext_attributes"] = request.Object["ext_attributes"]!.DeepClone(),
            ["redirection_token"] = RandomIds.NewId(),
            ["redirection_url"] = $"https://sandbox.invalid/cfar/exercise/{id}",
        };
        return new CfarExercise(id, contract, sessionId, allowance, allowance, body);
    }

    protected override void Add(CfarExercise exercise)
    {
        State.CfarExercises.TryAdd(exercise.Id, exercise);
        Sandbox.ExerciseByVerificationCode[exercise.RedirectionToken] = exercise.Id;
    }

    protected override ApiResult Created(CfarExercise exercise) => new(201, exercise.Snapshot());

    protected override CfarExercise? FindByVerificationCode(string code) =>
        Sandbox.ExerciseByVerificationCode.TryGetValue(code, out var id) && State.CfarExercises.TryGet(id, out var exercise) ? exercise : null;

    /// <summary>The session's most recently completed exercise: only a completed one has a payout.</summary>
    protected override CfarExercise? LatestOfSession(string sessionId) =>
        State.CfarExercises.Values.Where(e => e.SessionId == sessionId && e.Completed).MaxBy(e => e.CompletedAt);

    protected override PayoutReceipt Receipt(CfarExercise exercise)
    {
        lock (exercise.Gate)
        {
            if (!exercise.Completed)
            {
                throw ApiException.Unprocessable("verification-code", "not_completed", $"Exercise '{exercise.Id}' has not been marked completed, so there is no payout yet.");
            }

            return Receipt(exercise, $"Refund method: {exercise.RefundMethod}", exercise.RefundAmount, "Completed", exercise.CompletedAt!.Value);
        }
    }
}
