using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>An incident held by the sandbox. Immutable: a confirm replaces the stored value.</summary>
public sealed record AtlasSandboxIncident
{
    /// <summary>The partner the incident belongs to; only that client lists, confirms and is notified of it.</summary>
    public required string ClientId { get; init; }

    public required string EventId { get; init; }
    public required string EventType { get; init; }

    /// <summary>0 Unconfirmed, 1 Confirmed.</summary>
    public int EventStatus { get; init; }

    public required string OrderNo { get; init; }
    public string? SubOrderNo { get; init; }
    public DateTimeOffset EventTime { get; init; }
    public string? ExtraInfo { get; init; }
    public string? ConfirmedResult { get; init; }
    public string? ConfirmedRemark { get; init; }
    public string? ClientCode { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; init; }
    public string? Airline { get; init; }

    /// <summary>Departure-local wall clock.</summary>
    public DateTime? DepTime { get; init; }

    public DateTimeOffset? ConfirmTime { get; init; }
    public string? ConfirmUsr { get; init; }

    /// <summary>1 once a webhook delivery succeeded.</summary>
    public int Notified { get; init; }

    public string? Pnr { get; init; }
    public string? PaxName { get; init; }
    public string? PaxEmail { get; init; }

    /// <summary>The webhook envelope's <c>data</c> for this incident.</summary>
    public JsonElement Data { get; init; }

    /// <summary>The Incident List record, as Atlas writes it (dates "yyyy-MM-dd HH:mm:ss", UTC+08:00).</summary>
    public JsonObject ToRecord() => new()
    {
        ["eventId"] = EventId,
        ["orderNo"] = OrderNo,
        ["subOrderNo"] = SubOrderNo,
        ["eventType"] = EventType,
        ["eventStatus"] = EventStatus,
        ["eventTime"] = AtlasJson.FormatEventTime(EventTime),
        ["extraInfo"] = ExtraInfo,
        ["confirmedResult"] = ConfirmedResult,
        ["confirmedRemark"] = ConfirmedRemark,
        ["clientCode"] = ClientCode,
        ["createTime"] = AtlasJson.FormatEventTime(CreateTime),
        // spec: "updateIme" (sic).
        ["updateIme"] = AtlasJson.FormatEventTime(UpdateTime),
        ["airline"] = Airline,
        ["depTime"] = DepTime is { } dep ? AtlasJson.FormatLocalTime(dep) : null,
        ["confirmTime"] = ConfirmTime is { } confirmed ? AtlasJson.FormatEventTime(confirmed) : null,
        ["confirmUsr"] = ConfirmUsr,
        ["notified"] = Notified,
        ["pnr"] = Pnr,
        ["paxName"] = PaxName,
        ["paxEmail"] = PaxEmail,
    };

    /// <summary>
    /// The result a confirm records when none is given: Atlas's order.schedulechange confirm (confirmEvent.do) takes no
    /// result, so it is derived from the change's type.
    /// </summary>
    public string? ResultOfStructuredChange() =>
        EventType == AtlasEventTypes.OrderScheduleChange && Data.ValueKind == JsonValueKind.Object
        && Data.TryGetProperty("scheduleChangeType", out var type) && type.ValueKind == JsonValueKind.Number
            ? type.GetInt32() == 2 ? "FLIGHT_CANCELED" : "FLIGHT_CHANGE"
            : null;

    /// <summary>The webhook envelope {cid, type, notificationId, status, data}; status is the confirmation state.</summary>
    public JsonObject ToNotification() => new()
    {
        ["cid"] = ClientId,
        ["type"] = EventType,
        ["notificationId"] = EventId,
        ["status"] = EventStatus,
        ["data"] = JsonNode.Parse(Data.ValueKind == JsonValueKind.Undefined ? "{}" : Data.GetRawText()),
    };
}
