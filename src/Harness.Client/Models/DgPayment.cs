namespace Harness.Client.Models;

public sealed record DgPayment
{
    public required bool Succeeded { get; init; }
}
