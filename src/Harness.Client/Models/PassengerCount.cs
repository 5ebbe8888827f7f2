namespace Harness.Client.Models;

public sealed record PassengerCount
{
    public required int Count { get; init; }

    public required PassengerType Type { get; init; }
}
