namespace Harness.Client.Models;

/// <summary>Spec: "An object containing information related to the user's session"</summary>
public sealed record CreateAirlineCfarSessionRequest
{
    public UserInfo? UserInfo { get; init; }

    public Device? Device { get; init; }

    public string? SessionId { get; init; }

    public required string PointOfSale { get; init; }

    public required string Language { get; init; }

    public Channel? Channel { get; init; }
}
