using Harness.Client.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>The incidents the Atlas sandbox holds, per client: the Incident List and the confirm endpoints read and change them. Thread-safe.</summary>
public sealed class AtlasIncidentStore(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AtlasSandboxIncident> _incidents = new(StringComparer.Ordinal);

    /// <summary>A snapshot of every stored incident.</summary>
    public IReadOnlyList<AtlasSandboxIncident> All
    {
        get
        {
            lock (_gate)
                return [.. _incidents.Values];
        }
    }

    public AtlasSandboxIncident? Find(string eventId)
    {
        lock (_gate)
            return _incidents.GetValueOrDefault(eventId);
    }

    /// <summary>Stores a new incident; throws <see cref="ArgumentException"/> when its eventId is taken.</summary>
    public void Add(AtlasSandboxIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_gate)
        {
            if (!_incidents.TryAdd(incident.EventId, incident))
                throw new ArgumentException($"An incident with eventId '{incident.EventId}' already exists.", nameof(incident));
        }
    }

    public void Remove(string eventId)
    {
        lock (_gate)
            _incidents.Remove(eventId);
    }

    /// <summary>The page of the client's incidents matching the query's filters, newest first.</summary>
    public AtlasIncidentPage Query(string clientId, IncidentListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<AtlasSandboxIncident> matches;
        lock (_gate)
        {
            matches = [.. _incidents.Values
                .Where(i => i.ClientId == clientId && Matches(query, i))
                .OrderByDescending(i => i.EventTime)
                .ThenBy(i => i.EventId, StringComparer.Ordinal)];
        }

        var pageIndex = query.PageIndex ?? 1;
        var skip = (long)(pageIndex - 1) * query.PageSize;
        var page = skip >= matches.Count ? [] : matches.Skip((int)skip).Take(query.PageSize).ToList();
        return new AtlasIncidentPage(page, pageIndex, query.PageSize, matches.Count);
    }

    /// <summary>
    /// Confirms an incident of <paramref name="expectedType"/>: eventStatus 1, confirmedResult, confirmedRemark,
    /// confirmTime and confirmUsr are filled (inferred from the list's field names; no doc states it outright).
    /// </summary>
    public AtlasConfirmOutcome Confirm(string clientId, string eventId, string expectedType, string? result, string? remark)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_incidents.TryGetValue(eventId, out var incident) || incident.ClientId != clientId)
                return AtlasConfirmOutcome.UnknownEvent;
            if (incident.EventType != expectedType)
                return AtlasConfirmOutcome.WrongEventType;
            _incidents[eventId] = incident with
            {
                EventStatus = 1,
                ConfirmedResult = result ?? incident.ResultOfStructuredChange(),
                ConfirmedRemark = remark,
                ConfirmTime = now,
                ConfirmUsr = clientId,
                UpdateTime = now,
            };
            return AtlasConfirmOutcome.Confirmed;
        }
    }

    /// <summary>Records that a webhook delivery of the incident succeeded (the list's <c>notified</c> 1).</summary>
    public void MarkNotified(string eventId)
    {
        lock (_gate)
        {
            if (_incidents.TryGetValue(eventId, out var incident))
                _incidents[eventId] = incident with { Notified = 1 };
        }
    }

    public void Clear()
    {
        lock (_gate)
            _incidents.Clear();
    }

    // event/getPageList.do's filters; null or empty means "any". paxName is a contains match, like Atlas's.
    private static bool Matches(IncidentListQuery query, AtlasSandboxIncident incident) =>
        Same(query.EventId, incident.EventId)
        && Same(query.OrderNo, incident.OrderNo)
        && Same(query.EventType, incident.EventType)
        && SameIgnoringCase(query.Pnr, incident.Pnr)
        && (string.IsNullOrEmpty(query.PaxName) || (incident.PaxName?.Contains(query.PaxName, StringComparison.OrdinalIgnoreCase) ?? false))
        && SameIgnoringCase(query.PaxEmail, incident.PaxEmail)
        && SameIgnoringCase(query.Airline, incident.Airline)
        && (query.EventStatus is null || query.EventStatus.Count == 0 || query.EventStatus.Contains((IncidentStatus)incident.EventStatus))
        && (query.EventTimeStart is null || incident.EventTime >= query.EventTimeStart)
        && (query.EventTimeEnd is null || incident.EventTime <= query.EventTimeEnd)
        && (query.DepTimeStart is null || (incident.DepTime is { } dep && dep >= query.DepTimeStart))
        && (query.DepTimeEnd is null || (incident.DepTime is { } depEnd && depEnd <= query.DepTimeEnd))
        && (query.UpdateTimeStart is null || incident.UpdateTime >= query.UpdateTimeStart);

    private static bool Same(string? filter, string? value) => string.IsNullOrEmpty(filter) || string.Equals(filter, value, StringComparison.Ordinal);

    private static bool SameIgnoringCase(string? filter, string? value) =>
        string.IsNullOrEmpty(filter) || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One page of the Incident List.</summary>
public sealed record AtlasIncidentPage(IReadOnlyList<AtlasSandboxIncident> Records, int PageIndex, int PageSize, int Total);

/// <summary>What a confirm call did.</summary>
public enum AtlasConfirmOutcome
{
    Confirmed,
    UnknownEvent,
    WrongEventType,
}
