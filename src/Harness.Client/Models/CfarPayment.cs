namespace Harness.Client.Models;

public sealed record CfarPayment
{
    public required bool Succeeded { get; init; }
}
