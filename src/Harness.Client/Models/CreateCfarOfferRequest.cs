namespace Harness.Client.Models;

public sealed record CreateCfarOfferRequest
{
    public required IReadOnlyList<CfarOfferItinerary> Itinerary { get; init; }

    public required RequestType RequestType { get; init; }

    public DateTimeOffset? BookingDateTime { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public CreateAirlineCfarSessionRequest? Session { get; init; }

    public string? EntryPoint { get; init; }
}
