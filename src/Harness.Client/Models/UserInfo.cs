namespace Harness.Client.Models;

/// <summary>Spec: "An object containing information related to the airline's user. Should be included if known, but not if the user is anonymous."</summary>
public sealed record UserInfo
{
    public required string AirlineUserId { get; init; }

    public DateTimeOffset? CreatedDateTime { get; init; }

    public int? PreviousBookings { get; init; }
}
