namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing the Passenger Information"</summary>
public sealed record CfarPassenger
{
    public required string PassengerReference { get; init; }

    public required PassengerType PassengerType { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
