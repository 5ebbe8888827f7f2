using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;
using Harness.TestData.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// Makes the sandbox's incidents with <see cref="AtlasFakers"/> (the same generator the pacts' examples come from),
/// then applies what a draft gives (Incident List field names; "data" for the webhook payload). Thread-safe.
/// </summary>
internal sealed class AtlasIncidentGenerator(AtlasSandboxOptions options)
{
    private readonly Lock _gate = new();
    private readonly AtlasFakers _fakers = new(options.Seed, options.TimeProvider);

    /// <summary>
    /// An incident of <paramref name="eventType"/> for <paramref name="client"/>, received now unless the draft says
    /// when; a generated eventId is one <paramref name="isTaken"/> refuses.
    /// </summary>
    public AtlasSandboxIncident Generate(string eventType, AtlasSandboxClient client, JsonObject? draft, Func<string, bool> isTaken)
    {
        AtlasFakers.RequireIncidentType(eventType);
        var eventStatus = ReadInt(draft, "eventStatus") ?? 0;
        if (eventStatus is not (0 or 1))
            throw new ArgumentException($"eventStatus must be 0 (Unconfirmed) or 1 (Confirmed), not {eventStatus}.", nameof(draft));

        lock (_gate)
        {
            var eventTime = ReadEventTime(draft, "eventTime") ?? options.TimeProvider.GetUtcNow();
            var generated = _fakers.Incident(eventType, eventTime);
            var eventId = ReadString(draft, "eventId") ?? generated.EventId;
            while (ReadString(draft, "eventId") is null && isTaken(eventId))
                eventId = _fakers.EventId(eventTime);
            var orderNo = ReadString(draft, "orderNo") ?? generated.OrderNo!;
            var airline = ReadString(draft, "airline") ?? generated.Airline;
            var depTime = ReadLocalTime(draft, "depTime") ?? generated.DepTime;
            var incident = new AtlasSandboxIncident
            {
                ClientId = client.ClientId,
                EventId = eventId,
                EventType = eventType,
                EventStatus = eventStatus,
                OrderNo = orderNo,
                SubOrderNo = ReadString(draft, "subOrderNo") ?? orderNo + "_1",
                EventTime = eventTime,
                ExtraInfo = ReadString(draft, "extraInfo") ?? generated.ExtraInfo,
                ClientCode = client.ClientCode,
                CreateTime = eventTime,
                UpdateTime = eventTime,
                Airline = airline,
                DepTime = depTime,
                Pnr = ReadString(draft, "pnr") ?? generated.Pnr,
                PaxName = ReadString(draft, "paxName") ?? generated.PaxName,
                PaxEmail = ReadString(draft, "paxEmail") ?? generated.PaxEmail,

                // The payload follows the fields the draft overrode (orderNo, airline, departure).
                Data = draft?["data"] is JsonObject given
                    ? JsonSerializer.SerializeToElement(given)
                    : _fakers.NotificationFor(generated with { OrderNo = orderNo, Airline = airline, DepTime = depTime }).Data,
            };

            // An incident created already confirmed carries what a confirm would have filled.
            return eventStatus == 0 ? incident : incident with
            {
                ConfirmedResult = ReadString(draft, "confirmedResult") ?? incident.ResultOfStructuredChange(),
                ConfirmedRemark = ReadString(draft, "confirmedRemark"),
                ConfirmTime = eventTime,
                ConfirmUsr = client.ClientId,
            };
        }
    }

    private static string? ReadString(JsonObject? draft, string name) =>
        draft?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;

    private static int? ReadInt(JsonObject? draft, string name) =>
        draft?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static DateTimeOffset? ReadEventTime(JsonObject? draft, string name) =>
        ReadString(draft, name) is { } text && AtlasWire.TryParseEventTime(text, out var value) ? value : null;

    private static DateTime? ReadLocalTime(JsonObject? draft, string name) =>
        ReadString(draft, name) is { } text && AtlasWire.TryParseLocalTime(text, out var value) ? value : null;
}
