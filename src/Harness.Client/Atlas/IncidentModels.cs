using System.Text.Json.Serialization;

namespace Harness.Client.Atlas;

/// <summary>Incident confirmation state: <c>eventStatus</c> in the list, <c>status</c> in incident webhooks (an integer on the wire).</summary>
public enum IncidentStatus
{
    Unconfirmed = 0,
    Confirmed = 1,
}

/// <summary>Body of POST /updateWebhookURL.do. One URL receives every event type.</summary>
public sealed record UpdateWebhookUrlRequest
{
    public required string Url { get; init; }

    /// <summary>Not in the OpenAPI schema, but every sample sends it ("Identifier of client and user").</summary>
    public string? Cid { get; init; }
}

/// <summary>Body of POST /event/getPageList.do; every filter is optional except <see cref="PageSize"/>.</summary>
public sealed record IncidentListQuery
{
    public string? EventId { get; init; }
    public string? OrderNo { get; init; }

    /// <summary>One of <see cref="AtlasEventTypes.Incidents"/>.</summary>
    public string? EventType { get; init; }

    public string? Pnr { get; init; }
    public string? PaxName { get; init; }

    /// <summary>The email passed to the airline.</summary>
    public string? PaxEmail { get; init; }

    /// <summary>IATA code.</summary>
    public string? Airline { get; init; }

    public IReadOnlyList<IncidentStatus>? EventStatus { get; init; }

    /// <summary>UTC+08:00 on the wire; any offset here is converted.</summary>
    public DateTimeOffset? EventTimeStart { get; init; }

    public DateTimeOffset? EventTimeEnd { get; init; }

    /// <summary>Departure-local time.</summary>
    public DateTime? DepTimeStart { get; init; }

    public DateTime? DepTimeEnd { get; init; }

    /// <summary>Undocumented filter ("none" in the spec); sent as-is when set.</summary>
    public DateTimeOffset? UpdateTimeStart { get; init; }

    /// <summary>1-based; Atlas defaults to 1.</summary>
    public int? PageIndex { get; init; }

    /// <summary>Required: Atlas answers status 100 without it.</summary>
    [JsonRequired]
    public int PageSize { get; init; }
}

/// <summary>One page of the Incident List.</summary>
public sealed record IncidentPage
{
    public IReadOnlyList<Incident> Records { get; init; } = [];
    public int? PageIndex { get; init; }
    public int? PageSize { get; init; }
    public int? Total { get; init; }
}

/// <summary>One incident, as event/getPageList.do lists it.</summary>
public sealed record Incident
{
    /// <summary>Same id as the webhook's <c>notificationId</c>, e.g. "20230401003644225YJQGR".</summary>
    public required string EventId { get; init; }

    public string? OrderNo { get; init; }

    /// <summary>Sample-only field, e.g. "HCNMN20230227142411968_1".</summary>
    public string? SubOrderNo { get; init; }

    public required string EventType { get; init; }
    public IncidentStatus EventStatus { get; init; }

    /// <summary>Incident receiving time (UTC+08:00 on the wire).</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>Sample-only field; looks like an internal email id.</summary>
    public string? ExtraInfo { get; init; }

    /// <summary>The <c>result</c> sent to the confirm endpoint, e.g. "FLIGHT_CHANGE".</summary>
    public string? ConfirmedResult { get; init; }

    public string? ConfirmedRemark { get; init; }
    public string? ClientCode { get; init; }
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>spec: the field is spelled "updateIme" (sic).</summary>
    [JsonPropertyName("updateIme")]
    public DateTimeOffset? UpdateTime { get; init; }

    public string? Airline { get; init; }

    /// <summary>Departure-local time.</summary>
    public DateTime? DepTime { get; init; }

    public DateTimeOffset? ConfirmTime { get; init; }

    /// <summary>Sample-only field: who confirmed.</summary>
    public string? ConfirmUsr { get; init; }

    /// <summary>1 = a notification was sent, 0 = not.</summary>
    public int? Notified { get; init; }

    public string? Pnr { get; init; }

    /// <summary>Comma-separated "SURNAME/GIVEN" names.</summary>
    public string? PaxName { get; init; }

    public string? PaxEmail { get; init; }
}

/// <summary><c>result</c> of POST /event/confirmEmailScheduleChangeEvent.do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmailScheduleChangeResult>))]
public enum EmailScheduleChangeResult
{
    [JsonStringEnumMemberName("FLIGHT_CHANGE")]
    FlightChange,

    [JsonStringEnumMemberName("FLIGHT_CANCELED")]
    FlightCanceled,

    [JsonStringEnumMemberName("NO_SCHEDULE_CHANGE")]
    NoScheduleChange,
}

/// <summary><c>result</c> of POST /event/confirmAbnormalCancelledEvent.do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AbnormalCancelledResult>))]
public enum AbnormalCancelledResult
{
    [JsonStringEnumMemberName("FLIGHT_CANCELED")]
    FlightCanceled,

    [JsonStringEnumMemberName("ABNORMAL_CANCELLATION")]
    AbnormalCancellation,

    [JsonStringEnumMemberName("PASSENGER_CANCELLATION")]
    PassengerCancellation,

    [JsonStringEnumMemberName("NO_CANCELLATION")]
    NoCancellation,
}

/// <summary>A flight of a confirmed schedule change; times are departure/arrival local.</summary>
public sealed record ChangedFlight
{
    public required string OriginalFlightNo { get; init; }
    public string? NewFlightNo { get; init; }
    public DateTime? NewDepartureTime { get; init; }
    public DateTime? NewArrivalTime { get; init; }
    public string? NewDepartureAirport { get; init; }
    public string? NewDepartureTerminal { get; init; }
    public string? NewArrivalAirport { get; init; }
    public string? NewArrivalTerminal { get; init; }
}

/// <summary>Body of POST /event/confirmEmailScheduleChangeEvent.do (v1 docs only) for an email.schedulechange incident.</summary>
public sealed record EmailScheduleChangeConfirmation
{
    public required string EventId { get; init; }
    public required EmailScheduleChangeResult Result { get; init; }
    public string? Remark { get; init; }
    public IReadOnlyList<ChangedFlight>? ChangedFlights { get; init; }

    /// <summary>Flight numbers.</summary>
    public IReadOnlyList<string>? CanceledFlights { get; init; }
}

/// <summary>Body of POST /event/confirmAbnormalCancelledEvent.do (v1 docs only) for an abnormal.cancelled incident.</summary>
public sealed record AbnormalCancelledConfirmation
{
    public required string EventId { get; init; }
    public required AbnormalCancelledResult Result { get; init; }
    public string? Remark { get; init; }
}

/// <summary>Body of POST /event/confirmEvent.do (v1 docs only) for an order.schedulechange incident.</summary>
public sealed record EventConfirmation
{
    public required string EventId { get; init; }
    public string? Remark { get; init; }
}
