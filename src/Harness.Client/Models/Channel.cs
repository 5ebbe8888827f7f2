using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "The partner's distribution channel"</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AgentReseller), "agent_reseller")]
[JsonDerivedType(typeof(Api), "api")]
[JsonDerivedType(typeof(Direct), "direct")]
[JsonDerivedType(typeof(OnlineBookingTool), "online_booking_tool")]
[JsonDerivedType(typeof(WhiteLabel), "white_label")]
public abstract record Channel;

/// <summary>Spec: "Agent / reseller channel"</summary>
public sealed record AgentReseller : Channel
{
    public required string AgencyId { get; init; }

    public required string AgentId { get; init; }
}

/// <summary>Spec: "API channel — a programmatic integration"</summary>
public sealed record Api : Channel
{
    public required string Client { get; init; }
}

/// <summary>Spec: "Direct channel — the partner sells directly to the end customer"</summary>
public sealed record Direct : Channel
{
}

/// <summary>Spec: "Online booking tool channel"</summary>
public sealed record OnlineBookingTool : Channel
{
    public required string TravelManagementCompany { get; init; }

    public required string Business { get; init; }
}

/// <summary>Spec: "White-label channel — the partner sells under a different brand"</summary>
public sealed record WhiteLabel : Channel
{
    public required string Brand { get; init; }
}
