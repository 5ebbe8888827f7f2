namespace Harness.Client.Models;

/// <summary>Spec: "A create DG contract exercise request"</summary>
public sealed record CreateDgContractExerciseRequest
{
    public required string ContractId { get; init; }

    public required DgExerciseItinerary Itinerary { get; init; }

    public required string PnrReference { get; init; }

    public string? EmailAddress { get; init; }

    public string? CallbackUrl { get; init; }

    public string? RedirectbackUrl { get; init; }

    public CreateAirlineDgSessionRequest? Session { get; init; }
}
