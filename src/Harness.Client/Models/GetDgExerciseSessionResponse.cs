namespace Harness.Client.Models;

/// <summary>Spec: "Response containing the session ID for a DG exercise"</summary>
public sealed record GetDgExerciseSessionResponse
{
    public required string SessionId { get; init; }
}
