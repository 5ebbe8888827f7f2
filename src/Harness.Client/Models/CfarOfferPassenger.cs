namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing the Passenger Information as part of offers creation"</summary>
public sealed record CfarOfferPassenger
{
    public required string PassengerReference { get; init; }

    public required PassengerType PassengerType { get; init; }
}
