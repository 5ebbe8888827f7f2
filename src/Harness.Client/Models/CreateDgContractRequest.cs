namespace Harness.Client.Models;

/// <summary>Spec: "A create DG contract request"</summary>
public sealed record CreateDgContractRequest
{
    public required IReadOnlyList<string> OfferIds { get; init; }

    public required DgItinerary Itinerary { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public string? PnrReference { get; init; }
}
