namespace Harness.Client.Models;

public sealed record DgPassengerCount
{
    public required int Count { get; init; }

    public required DgPassengerType PassengerType { get; init; }
}
