namespace Harness.Sandbox.Atlas;

/// <summary>The event/getPageList.do filters, parsed. Null or empty means "any".</summary>
public sealed record AtlasIncidentFilter
{
    public string? EventId { get; init; }
    public string? OrderNo { get; init; }
    public string? EventType { get; init; }
    public string? Pnr { get; init; }
    public string? PaxName { get; init; }
    public string? PaxEmail { get; init; }
    public string? Airline { get; init; }
    public IReadOnlyList<int>? EventStatus { get; init; }
    public DateTimeOffset? EventTimeStart { get; init; }
    public DateTimeOffset? EventTimeEnd { get; init; }
    public DateTime? DepTimeStart { get; init; }
    public DateTime? DepTimeEnd { get; init; }
    public DateTimeOffset? UpdateTimeStart { get; init; }
    public int PageIndex { get; init; } = 1;
    public required int PageSize { get; init; }

    public bool Matches(AtlasSandboxIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Same(EventId, incident.EventId)
            && Same(OrderNo, incident.OrderNo)
            && Same(EventType, incident.EventType)
            && SameIgnoringCase(Pnr, incident.Pnr)
            && (string.IsNullOrEmpty(PaxName) || (incident.PaxName?.Contains(PaxName, StringComparison.OrdinalIgnoreCase) ?? false))
            && SameIgnoringCase(PaxEmail, incident.PaxEmail)
            && SameIgnoringCase(Airline, incident.Airline)
            && (EventStatus is null || EventStatus.Count == 0 || EventStatus.Contains(incident.EventStatus))
            && (EventTimeStart is null || incident.EventTime >= EventTimeStart)
            && (EventTimeEnd is null || incident.EventTime <= EventTimeEnd)
            && (DepTimeStart is null || (incident.DepTime is { } dep && dep >= DepTimeStart))
            && (DepTimeEnd is null || (incident.DepTime is { } depEnd && depEnd <= DepTimeEnd))
            && (UpdateTimeStart is null || incident.UpdateTime >= UpdateTimeStart);
    }

    private static bool Same(string? filter, string? value) => string.IsNullOrEmpty(filter) || string.Equals(filter, value, StringComparison.Ordinal);

    private static bool SameIgnoringCase(string? filter, string? value) =>
        string.IsNullOrEmpty(filter) || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One page of the Incident List.</summary>
public sealed record AtlasIncidentPage(IReadOnlyList<AtlasSandboxIncident> Records, int PageIndex, int PageSize, int Total);

/// <summary>A webhook delivery try, as the sandbox saw it.</summary>
public sealed record WebhookDeliveryAttempt(string NotificationId, Uri Url, int Copy, int Attempt, int? HttpStatus, string? Error, DateTimeOffset At)
{
    public bool Succeeded => HttpStatus is >= 200 and < 300;
}

/// <summary>What a confirm call did.</summary>
public enum AtlasConfirmOutcome
{
    Confirmed,
    UnknownEvent,
    WrongEventType,
}
