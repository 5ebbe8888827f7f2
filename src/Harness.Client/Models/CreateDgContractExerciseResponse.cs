namespace Harness.Client.Models;

/// <summary>Spec: "An object containing exercise information for a contract"</summary>
public sealed record CreateDgContractExerciseResponse
{
    public required string Id { get; init; }

    public string? RedirectionUrl { get; init; }
}
