using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;
using Harness.Sandbox.Receipts;

namespace Harness.Sandbox.Api;

/// <summary>
/// DG exercises: a payout per passenger, always in a session (HTS-Session-ID answers it, and the session lookup maps
/// exercise → session), and a receipt found by the exercise id.
/// </summary>
internal sealed class DgExerciseHandlers(AirlineSandbox sandbox)
    : ExerciseHandlers<DgExercise>(sandbox, DgRules.Instance, createsSessionWhenAbsent: true, verificationCode: "the DG exercise id")
{
    public ApiResult GetSession(OperationRequest request) =>
        request.Id is not null && State.DgExercises.TryGet(request.Id, out var exercise)
            ? new ApiResult(200, new JsonObject { ["session_id"] = exercise.SessionId })
            : throw ApiException.NotFound();

    protected override DgExercise NewExercise(string id, Contract contract, string? sessionId, OperationRequest request)
    {
        var passengers = request.Object["itinerary"]!["passenger_count"]!.AsArray().Sum(p => (int)p!["count"]!);
        return new DgExercise(id, contract, sessionId!, DgRules.Payout(contract, passengers), passengers, request.Now);
    }

    protected override void Add(DgExercise exercise) => State.DgExercises.TryAdd(exercise.Id, exercise);

    protected override ApiResult Created(DgExercise exercise) => new(201, new JsonObject
    {
        ["id"] = exercise.Id,
        ["redirection_url"] = $"https://sandbox.invalid/dg/exercise/{exercise.Id}",
    }, HtsSessionId: exercise.SessionId);

    protected override DgExercise? FindByVerificationCode(string code) => State.DgExercises.TryGet(code, out var exercise) ? exercise : null;

    protected override DgExercise? LatestOfSession(string sessionId) =>
        State.DgExercises.Values.Where(e => e.SessionId == sessionId).MaxBy(e => e.CreatedAt);

    protected override PayoutReceipt Receipt(DgExercise exercise) =>
        Receipt(exercise, $"Passengers: {exercise.Passengers}", exercise.Payout, "Created", exercise.CreatedAt);
}
