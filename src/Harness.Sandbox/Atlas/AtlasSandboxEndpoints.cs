using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// The five Atlas endpoints plus a loopback-only admin endpoint, under a base path. Atlas conventions: HTTP 200 with
/// {status, msg}; 900 bad credentials, 100 missing data, 901 illegal data; HTTP 429 with {code, retryAfter} when the
/// configured request limit is exceeded.
/// </summary>
public static class AtlasSandboxEndpoints
{
    private const int MaxAdminIncidents = 100;

    public static IEndpointRouteBuilder MapAtlasSandbox(this IEndpointRouteBuilder app, AtlasSandbox sandbox, string basePath = "/atlas")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(basePath);
        if (!basePath.StartsWith('/'))
            throw new ArgumentException($"basePath must start with '/', not '{basePath}'.", nameof(basePath));

        var group = app.MapGroup(basePath.TrimEnd('/'));
        group.MapPost("/updateWebhookURL.do", context => Atlas(context, sandbox, UpdateWebhookUrl));
        group.MapPost("/event/getPageList.do", context => Atlas(context, sandbox, GetPageList));
        group.MapPost("/event/confirmEmailScheduleChangeEvent.do", context => Atlas(context, sandbox, ConfirmEmailScheduleChange));
        group.MapPost("/event/confirmAbnormalCancelledEvent.do", context => Atlas(context, sandbox, ConfirmAbnormalCancelled));
        group.MapPost("/event/confirmEvent.do", context => Atlas(context, sandbox, ConfirmEvent));
        group.MapPost("/_admin/incidents", context => CreateIncidents(context, sandbox));
        return app;
    }

    // A handler validates the body and returns the effect, so that a request the limit rejects changes nothing.
    private delegate Func<JsonObject> AtlasHandler(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body);

    /// <summary>A business failure Atlas reports as HTTP 200 with a non-zero status.</summary>
    private sealed class AtlasFailure(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    private static async Task Atlas(HttpContext context, AtlasSandbox sandbox, AtlasHandler handler)
    {
        sandbox.StateScope?.BeginRequest();
        var client = sandbox.Gate.Authenticate(
            context.Request.Headers["x-atlas-client-id"].ToString(),
            context.Request.Headers["x-atlas-client-secret"].ToString());
        if (client is null)
        {
            await WriteAsync(context, Failure(900, "Unauthorized access: x-atlas-client-id / x-atlas-client-secret are missing or wrong"));
            return;
        }

        JsonObject body;
        try
        {
            body = await ReadObjectAsync(context) ?? throw new AtlasFailure(901, "Illegal request data: the body must be a JSON object");
        }
        catch (AtlasFailure failure)
        {
            await WriteAsync(context, Failure(failure.Status, failure.Message));
            return;
        }

        JsonObject answer;
        try
        {
            // Validate before counting: "authentication and validation failures do not count toward the limit".
            var respond = handler(sandbox, client, body);
            if (sandbox.Gate.TryAcquire(client.ClientId) is { } wait)
            {
                await WriteRateLimitedAsync(context, sandbox.Gate.ReportedRateLimit, wait);
                return;
            }

            answer = respond();
        }
        catch (AtlasFailure failure)
        {
            answer = Failure(failure.Status, failure.Message);
        }

        await WriteAsync(context, answer);
    }

    private static Func<JsonObject> UpdateWebhookUrl(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body)
    {
        var text = RequiredString(body, "url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw new AtlasFailure(901, $"Illegal request data: url '{text}' is not an absolute URL");
        if (sandbox.Webhooks.Check(url) is { } problem)
            throw new AtlasFailure(901, "Illegal request data: " + problem);
        return () =>
        {
            sandbox.RegisterWebhook(client.ClientId, url);
            return Success();
        };
    }

    private static Func<JsonObject> GetPageList(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body)
    {
        if (body["pageSize"] is null)
            throw new AtlasFailure(100, "Missing required request data: pageSize");
        var pageSize = OptionalInt(body, "pageSize")!.Value;
        var pageIndex = OptionalInt(body, "pageIndex") ?? 1;
        if (pageSize < 1)
            throw new AtlasFailure(901, $"Illegal request data: pageSize must be at least 1, not {pageSize}");
        if (pageIndex < 1)
            throw new AtlasFailure(901, $"Illegal request data: pageIndex must be at least 1, not {pageIndex}");

        var query = new IncidentListQuery
        {
            EventId = OptionalString(body, "eventId"),
            OrderNo = OptionalString(body, "orderNo"),
            EventType = OptionalString(body, "eventType"),
            Pnr = OptionalString(body, "pnr"),
            PaxName = OptionalString(body, "paxName"),
            PaxEmail = OptionalString(body, "paxEmail"),
            Airline = OptionalString(body, "airline"),
            EventStatus = OptionalStatuses(body, "eventStatus"),
            EventTimeStart = OptionalEventTime(body, "eventTimeStart"),
            EventTimeEnd = OptionalEventTime(body, "eventTimeEnd"),
            DepTimeStart = OptionalLocalTime(body, "depTimeStart"),
            DepTimeEnd = OptionalLocalTime(body, "depTimeEnd"),
            UpdateTimeStart = OptionalEventTime(body, "updateTimeStart"),
            PageIndex = pageIndex,
            PageSize = pageSize,
        };
        return () =>
        {
            var page = sandbox.Incidents.Query(client.ClientId, query);
            var answer = Success();
            answer["pageIndex"] = page.PageIndex;
            answer["pageSize"] = page.PageSize;
            answer["total"] = page.Total;
            answer["records"] = new JsonArray([.. page.Records.Select(r => (JsonNode)r.ToRecord())]);
            return answer;
        };
    }

    private static readonly string[] EmailScheduleChangeResults = ["FLIGHT_CHANGE", "FLIGHT_CANCELED", "NO_SCHEDULE_CHANGE"];
    private static readonly string[] AbnormalCancelledResults = ["FLIGHT_CANCELED", "ABNORMAL_CANCELLATION", "PASSENGER_CANCELLATION", "NO_CANCELLATION"];

    private static Func<JsonObject> ConfirmEmailScheduleChange(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body)
    {
        var eventId = RequiredString(body, "eventId");
        var result = RequiredEnum(body, "result", EmailScheduleChangeResults);
        var remark = OptionalString(body, "remark");
        if (body["changedFlights"] is { } changed)
        {
            if (changed is not JsonArray flights)
                throw new AtlasFailure(901, "Illegal request data: changedFlights must be an array");
            foreach (var flight in flights)
            {
                if (flight is not JsonObject flightObject)
                    throw new AtlasFailure(901, "Illegal request data: changedFlights[] items must be objects");
                RequiredString(flightObject, "originalFlightNo");
                OptionalLocalTime(flightObject, "newDepartureTime");
                OptionalLocalTime(flightObject, "newArrivalTime");
            }
        }

        if (body["canceledFlights"] is { } canceled
            && (canceled is not JsonArray numbers || numbers.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _))))
        {
            throw new AtlasFailure(901, "Illegal request data: canceledFlights must be an array of flight numbers");
        }

        return () => Confirm(sandbox, client, eventId, AtlasEventTypes.EmailScheduleChange, result, remark);
    }

    private static Func<JsonObject> ConfirmAbnormalCancelled(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body)
    {
        var eventId = RequiredString(body, "eventId");
        var result = RequiredEnum(body, "result", AbnormalCancelledResults);
        var remark = OptionalString(body, "remark");
        return () => Confirm(sandbox, client, eventId, AtlasEventTypes.AbnormalCancelled, result, remark);
    }

    private static Func<JsonObject> ConfirmEvent(AtlasSandbox sandbox, AtlasSandboxClient client, JsonObject body)
    {
        var eventId = RequiredString(body, "eventId");
        var remark = OptionalString(body, "remark");
        return () => Confirm(sandbox, client, eventId, AtlasEventTypes.OrderScheduleChange, null, remark);
    }

    private static JsonObject Confirm(AtlasSandbox sandbox, AtlasSandboxClient client, string eventId, string type, string? result, string? remark) =>
        sandbox.Incidents.Confirm(client.ClientId, eventId, type, result, remark) switch
        {
            AtlasConfirmOutcome.Confirmed => Success(),
            // spec: the confirm endpoints document only 0 (success) and 2 (System error).
            AtlasConfirmOutcome.UnknownEvent => Failure(2, $"System error: no incident with eventId '{eventId}'"),
            _ => Failure(2, $"System error: incident '{eventId}' is not a {type} incident"),
        };

    /// <summary>
    /// POST {base}/_admin/incidents (loopback only): body {eventType?, clientId?, count?, notify?, ...Incident List
    /// fields, data?} or empty for one generated email.schedulechange incident. Answers {status:0, records:[...]}.
    /// </summary>
    private static async Task CreateIncidents(HttpContext context, AtlasSandbox sandbox)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(Failure(902, "Access denied: the admin endpoint answers loopback callers only"));
            return;
        }

        JsonObject draft;
        try
        {
            draft = context.Request.ContentLength == 0 ? [] : await ReadObjectAsync(context) ?? [];
        }
        catch (AtlasFailure failure)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(Failure(failure.Status, failure.Message));
            return;
        }

        JsonObject answer;
        try
        {
            var eventType = OptionalString(draft, "eventType") ?? AtlasEventTypes.EmailScheduleChange;
            if (!AtlasEventTypes.Incidents.Contains(eventType))
                throw new AtlasFailure(901, $"Illegal request data: eventType '{eventType}' is not one of {string.Join(", ", AtlasEventTypes.Incidents)}");
            var clientId = OptionalString(draft, "clientId") ?? sandbox.Options.Clients[0].ClientId;
            if (sandbox.Options.FindClient(clientId) is null)
                throw new AtlasFailure(901, $"Illegal request data: clientId '{clientId}' is not a client of this sandbox");
            var count = OptionalInt(draft, "count") ?? 1;
            if (count is < 1 or > MaxAdminIncidents)
                throw new AtlasFailure(901, $"Illegal request data: count must be 1..{MaxAdminIncidents}, not {count}");
            if (count > 1 && OptionalString(draft, "eventId") is not null)
                throw new AtlasFailure(901, "Illegal request data: eventId can only be given with count 1");
            var notify = OptionalBool(draft, "notify") ?? true;
            if (OptionalInt(draft, "eventStatus") is { } status && status is not (0 or 1))
                throw new AtlasFailure(901, $"Illegal request data: eventStatus must be 0 or 1, not {status}");
            OptionalEventTime(draft, "eventTime");
            OptionalLocalTime(draft, "depTime");
            if (draft["data"] is { } data && data is not JsonObject)
                throw new AtlasFailure(901, "Illegal request data: data must be an object");
            if (OptionalString(draft, "eventId") is { } eventId && sandbox.FindIncident(eventId) is not null)
                throw new AtlasFailure(901, $"Illegal request data: an incident with eventId '{eventId}' already exists");

            var created = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                var incident = sandbox.AddIncident(sandbox.GenerateIncident(eventType, clientId, draft), notify);
                created.Add(incident.ToRecord());
            }

            answer = Success();
            answer["records"] = created;
        }
        catch (AtlasFailure failure)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            answer = Failure(failure.Status, failure.Message);
        }

        await context.Response.WriteAsJsonAsync(answer);
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return node as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new AtlasFailure(901, $"Illegal request data: the body is not JSON ({ex.Message})");
        }
    }

    private static string RequiredString(JsonObject body, string name) =>
        OptionalString(body, name) ?? throw new AtlasFailure(100, $"Missing required request data: {name}");

    private static string RequiredEnum(JsonObject body, string name, string[] allowed)
    {
        var value = RequiredString(body, name);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new AtlasFailure(901, $"Illegal request data: {name} '{value}' is not one of {string.Join(", ", allowed)}");
    }

    private static string? OptionalString(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? null : text,
        _ => throw new AtlasFailure(901, $"Illegal request data: {name} must be a string"),
    };

    private static int? OptionalInt(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new AtlasFailure(901, $"Illegal request data: {name} must be an integer"),
    };

    private static bool? OptionalBool(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw new AtlasFailure(901, $"Illegal request data: {name} must be true or false"),
    };

    // v1 documented eventStatus as a string; the current schema as integer[]. Accept both element forms.
    private static IncidentStatus[]? OptionalStatuses(JsonObject body, string name)
    {
        if (body[name] is null)
            return null;
        if (body[name] is not JsonArray array)
            throw new AtlasFailure(901, $"Illegal request data: {name} must be an array of 0 and 1");
        return [.. array.Select(item => item is JsonValue value && (value.TryGetValue<int>(out var n) || (value.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out n))) && n is 0 or 1
            ? (IncidentStatus)n
            : throw new AtlasFailure(901, $"Illegal request data: {name} must be an array of 0 and 1"))];
    }

    private static DateTimeOffset? OptionalEventTime(JsonObject body, string name) =>
        OptionalString(body, name) is not { } text ? null
        : AtlasWire.TryParseEventTime(text, out var value) ? value
        : throw new AtlasFailure(901, $"Illegal request data: {name} '{text}' is not \"{AtlasJson.DateTimeFormat}\"");

    private static DateTime? OptionalLocalTime(JsonObject body, string name) =>
        OptionalString(body, name) is not { } text ? null
        : AtlasWire.TryParseLocalTime(text, out var value) ? value
        : throw new AtlasFailure(901, $"Illegal request data: {name} '{text}' is not \"{AtlasJson.DateTimeFormat}\"");

    private static JsonObject Success() => new() { ["status"] = 0, ["msg"] = "success" };

    private static JsonObject Failure(int status, string message) => new() { ["status"] = status, ["msg"] = message };

    private static Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return context.Response.WriteAsJsonAsync(body);
    }

    private static Task WriteRateLimitedAsync(HttpContext context, AtlasSandboxRateLimit limit, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["code"] = 429,
            ["message"] = "Rate limit exceeded. Please retry after the current window resets",
            ["limitType"] = limit.LimitType,
            ["limit"] = limit.PermitLimit,
            ["retryAfter"] = seconds,
        });
    }
}
