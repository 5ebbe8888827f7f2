namespace Harness.Client.Models;

public sealed record CreateAirlineSessionRequest
{
    public required FlowType FlowType { get; init; }

    public UserInfo? UserInfo { get; init; }

    public string? SessionId { get; init; }

    public Device? Device { get; init; }

    public required string PointOfSale { get; init; }

    public required string Language { get; init; }

    public Product? Product { get; init; }
}
