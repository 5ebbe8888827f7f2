namespace Harness.Client.Models;

/// <summary>Spec: "A airline session resource"</summary>
public sealed record AirlineSession
{
    public required string Id { get; init; }
}
