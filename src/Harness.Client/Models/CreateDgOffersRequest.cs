namespace Harness.Client.Models;

/// <summary>Spec: "A create DG offers request"</summary>
public sealed record CreateDgOffersRequest
{
    public required IReadOnlyList<DgItinerary> Itinerary { get; init; }

    public required DgRequestType RequestType { get; init; }

    public DateTimeOffset? BookingDateTime { get; init; }

    public CreateAirlineDgSessionRequest? Session { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public string? EntryPoint { get; init; }
}
