namespace Harness.Client.Models;

/// <summary>Spec: "Create a CFAR contract from selected CFAR offer(s)."</summary>
public sealed record CreateCfarContractRequest
{
    public required IReadOnlyList<string> OfferIds { get; init; }

    public required CfarItinerary Itinerary { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public string? PnrReference { get; init; }
}
