using System.Text.Json;

namespace Harness.Atlas.Webhooks;

/// <summary>One notification as received: the envelope {cid, type, notificationId, status, data}.</summary>
public sealed record AtlasWebhookNotification(string? Cid, string Type, string? NotificationId, int Status, JsonElement Data, DateTimeOffset ReceivedAt)
{
    /// <summary>notificationId when Atlas sends one (incidents, email.all); otherwise type plus the payload itself.</summary>
    public string DeduplicationKey => NotificationId ?? $"{Type}:{Data.GetRawText()}";
}
