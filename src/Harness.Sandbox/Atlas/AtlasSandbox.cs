using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// State of the local Atlas provider: clients, incidents, registered webhooks, request-limit windows and webhook
/// deliveries. Thread-safe. Hosted by <see cref="AtlasSandboxEndpoints.MapAtlasSandbox"/>.
/// </summary>
public sealed class AtlasSandbox : IDisposable
{
    public const string EmailScheduleChange = "email.schedulechange";
    public const string OrderScheduleChange = "order.schedulechange";
    public const string AbnormalCancelled = "abnormal.cancelled";

    /// <summary>
    /// Provider state: {eventId?, type?, orderNo?, eventStatus?, confirmedResult?, confirmedRemark?, clientId?, pnr?,
    /// airline?, paxName?, paxEmail?}. The incident is stored; nobody is notified.
    /// </summary>
    public const string IncidentExistsState = "an incident exists";

    /// <summary>Provider state: {url?, clientId?}.</summary>
    public const string WebhookRegisteredState = "a webhook is registered";

    /// <summary>
    /// Provider state: every request answers 900 until <see cref="Reset"/> (through POST /_pact/provider-states: for one
    /// request, the sandbox README's provider-state rule).
    /// </summary>
    public const string CredentialsInvalidState = "the client credentials are invalid";

    /// <summary>
    /// Provider state: every call that passes authentication and validation answers HTTP 429 until <see cref="Reset"/>
    /// (through POST /_pact/provider-states: for one request), as if <see cref="ProviderStateRateLimit"/> were used up.
    /// </summary>
    public const string RateLimitExceededState = "the request limit is exceeded";

    public static IReadOnlyList<string> IncidentTypes { get; } = [EmailScheduleChange, OrderScheduleChange, AbnormalCancelled];

    public static IReadOnlyList<string> ProviderStates { get; } = [IncidentExistsState, WebhookRegisteredState, CredentialsInvalidState, RateLimitExceededState];

    /// <summary>The limit reported while <see cref="RateLimitExceededState"/> holds and no <see cref="AtlasSandboxOptions.RateLimit"/> is set.</summary>
    public static AtlasSandboxRateLimit ProviderStateRateLimit { get; } = new(1, TimeSpan.FromMinutes(1));

    private static readonly Uri DefaultProviderStateWebhook = new("http://127.0.0.1/atlas/webhook");

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AtlasSandboxIncident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _webhooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _rateWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<WebhookDeliveryAttempt> _deliveryLog = new();
    private readonly ConcurrentDictionary<long, Task> _deliveries = new();
    private readonly CancellationTokenSource _stopping = new();

    // Captured once: Dispose cancels before disposing, so a delivery still holding it sees a cancelled token, never a disposed source.
    private readonly CancellationToken _stoppingToken;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Random _random;
    private long _deliverySequence;
    private bool _credentialsInvalid;
    private bool _rateLimitExceeded;

    public AtlasSandbox(AtlasSandboxOptions? options = null)
    {
        Options = options ?? new AtlasSandboxOptions();
        Options.Validate();
        _random = new Random(Options.Seed);
        _ownsHttp = Options.WebhookHttpClient is null;
        _http = Options.WebhookHttpClient ?? new HttpClient();
        _stoppingToken = _stopping.Token;
    }

    public AtlasSandboxOptions Options { get; }

    /// <summary>The airline sandbox's provider-state scope when both share POST /_pact/provider-states (null otherwise).</summary>
    internal Admin.ProviderStateScope? StateScope { get; set; }

    /// <summary>A snapshot of every stored incident.</summary>
    public IReadOnlyList<AtlasSandboxIncident> Incidents
    {
        get
        {
            lock (_gate)
                return [.. _incidents.Values];
        }
    }

    /// <summary>Every webhook delivery try so far, in the order they finished.</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> DeliveryLog => [.. _deliveryLog];

    public AtlasSandboxIncident? FindIncident(string eventId)
    {
        lock (_gate)
            return _incidents.GetValueOrDefault(eventId);
    }

    /// <summary>The client whose id and secret match, or null (Atlas: status 900).</summary>
    public AtlasSandboxClient? Authenticate(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
            return null;
        lock (_gate)
        {
            if (_credentialsInvalid)
                return null;
        }

        var client = FindClient(clientId);
        if (client is null)
            return null;
        var expected = Encoding.UTF8.GetBytes(client.ClientSecret);
        var actual = Encoding.UTF8.GetBytes(clientSecret);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, actual) ? client : null;
    }

    /// <summary>
    /// Counts a request against the client's window. Returns null when allowed, or how long until a slot frees.
    /// Authentication and validation failures are not counted (checked before this).
    /// </summary>
    public TimeSpan? TryAcquireRateLimit(string clientId)
    {
        lock (_gate)
        {
            if (_rateLimitExceeded)
                return (Options.RateLimit ?? ProviderStateRateLimit).Window;
        }

        if (Options.RateLimit is not { } limit)
            return null;
        var now = Options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_rateWindows.TryGetValue(clientId, out var window))
                _rateWindows[clientId] = window = new Queue<DateTimeOffset>();
            while (window.Count > 0 && now - window.Peek() >= limit.Window)
                window.Dequeue();
            if (window.Count >= limit.PermitLimit)
                return window.Peek() + limit.Window - now;
            window.Enqueue(now);
            return null;
        }
    }

    /// <summary>Registers the one URL that receives every notification type for the client.</summary>
    public void RegisterWebhook(string clientId, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var problem = CheckWebhookUrl(url);
        if (problem is not null)
            throw new ArgumentException(problem, nameof(url));
        RequireClient(clientId);
        lock (_gate)
            _webhooks[clientId] = url;
    }

    public Uri? WebhookUrlOf(string clientId)
    {
        lock (_gate)
            return _webhooks.GetValueOrDefault(clientId);
    }

    /// <summary>Why a webhook URL is refused, or null when it is acceptable.</summary>
    public string? CheckWebhookUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return $"webhook url must be an absolute http(s) URL, not '{url}'";
        if (!Options.AllowNonLoopbackWebhooks && !IsLoopback(url))
            return $"webhook url must be a loopback address (127.0.0.1, ::1, localhost) unless AllowNonLoopbackWebhooks is set, not '{url.Host}'";
        return null;
    }

    /// <summary>
    /// Builds an incident of <paramref name="eventType"/> for <paramref name="clientId"/>, filling what
    /// <paramref name="draft"/> leaves out (Incident List field names; "data" for the webhook payload).
    /// </summary>
    public AtlasSandboxIncident GenerateIncident(string eventType, string clientId, JsonObject? draft = null)
    {
        if (!IncidentTypes.Contains(eventType))
            throw new ArgumentException($"'{eventType}' is not an incident type; expected one of {string.Join(", ", IncidentTypes)}.", nameof(eventType));
        var client = RequireClient(clientId);
        var now = Options.TimeProvider.GetUtcNow();

        lock (_gate)
        {
            var eventTime = ReadEventTime(draft, "eventTime") ?? now;
            var eventId = ReadString(draft, "eventId") ?? NewEventId(eventTime);
            var orderNo = ReadString(draft, "orderNo") ?? NewOrderNo(eventTime);
            var airline = ReadString(draft, "airline") ?? Pick("IU", "QZ", "FR", "U2", "AK", "VJ");
            var depTime = ReadLocalTime(draft, "depTime") ?? eventTime.ToOffset(AtlasWire.AtlasOffset).DateTime.Date.AddDays(_random.Next(3, 60)).AddHours(_random.Next(5, 23));
            var data = draft?["data"] is JsonObject given ? ToElement(given) : ToElement(GenerateData(eventType, orderNo, airline, depTime, eventTime));
            var eventStatus = ReadInt(draft, "eventStatus") ?? 0;
            if (eventStatus is not (0 or 1))
                throw new ArgumentException($"eventStatus must be 0 (Unconfirmed) or 1 (Confirmed), not {eventStatus}.", nameof(draft));
            var incident = new AtlasSandboxIncident
            {
                ClientId = client.ClientId,
                EventId = eventId,
                EventType = eventType,
                EventStatus = eventStatus,
                OrderNo = orderNo,
                SubOrderNo = ReadString(draft, "subOrderNo") ?? orderNo + "_1",
                EventTime = eventTime,
                ExtraInfo = ReadString(draft, "extraInfo") ?? _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                ClientCode = client.ClientCode,
                CreateTime = eventTime,
                UpdateTime = eventTime,
                Airline = airline,
                DepTime = depTime,
                Pnr = ReadString(draft, "pnr") ?? RandomLetters(6),
                PaxName = ReadString(draft, "paxName") ?? $"{Pick("SOWERS", "TAN", "LIM", "NGUYEN", "SANTOS")}/{Pick("REBECCA", "DAVID", "WEI", "ANH", "MARIA")}",
                PaxEmail = ReadString(draft, "paxEmail") ?? $"pax{_random.Next(1000, 9999)}@example.com",
                Data = data,
            };

            // An incident created already confirmed carries what a confirm would have filled.
            return eventStatus == 0 ? incident : incident with
            {
                ConfirmedResult = ReadString(draft, "confirmedResult") ?? ResultOfStructuredChange(incident),
                ConfirmedRemark = ReadString(draft, "confirmedRemark"),
                ConfirmTime = eventTime,
                ConfirmUsr = client.ClientId,
            };
        }
    }

    /// <summary>Stores the incident; when <paramref name="notify"/>, delivers it to the client's webhook (if any) in the background.</summary>
    public AtlasSandboxIncident AddIncident(AtlasSandboxIncident incident, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(incident);
        RequireClient(incident.ClientId);
        Uri? target;
        lock (_gate)
        {
            if (!_incidents.TryAdd(incident.EventId, incident))
                throw new ArgumentException($"An incident with eventId '{incident.EventId}' already exists.", nameof(incident));
            target = _webhooks.GetValueOrDefault(incident.ClientId);
        }

        if (notify && target is not null)
            StartDelivery(incident, target);
        return incident;
    }

    /// <summary>The page of the client's incidents matching the filter, newest first.</summary>
    public AtlasIncidentPage Query(string clientId, AtlasIncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<AtlasSandboxIncident> matches;
        lock (_gate)
        {
            matches = [.. _incidents.Values
                .Where(i => i.ClientId == clientId && filter.Matches(i))
                .OrderByDescending(i => i.EventTime)
                .ThenBy(i => i.EventId, StringComparer.Ordinal)];
        }

        var skip = (long)(filter.PageIndex - 1) * filter.PageSize;
        var page = skip >= matches.Count ? [] : matches.Skip((int)skip).Take(filter.PageSize).ToList();
        return new AtlasIncidentPage(page, filter.PageIndex, filter.PageSize, matches.Count);
    }

    /// <summary>
    /// Confirms an incident of <paramref name="expectedType"/>: eventStatus 1, confirmedResult, confirmedRemark,
    /// confirmTime and confirmUsr are filled (inferred from the list's field names; no doc states it outright).
    /// </summary>
    public AtlasConfirmOutcome Confirm(string clientId, string eventId, string expectedType, string? result, string? remark)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_incidents.TryGetValue(eventId, out var incident) || incident.ClientId != clientId)
                return AtlasConfirmOutcome.UnknownEvent;
            if (incident.EventType != expectedType)
                return AtlasConfirmOutcome.WrongEventType;
            _incidents[eventId] = incident with
            {
                EventStatus = 1,
                ConfirmedResult = result ?? ResultOfStructuredChange(incident),
                ConfirmedRemark = remark,
                ConfirmTime = now,
                ConfirmUsr = clientId,
                UpdateTime = now,
            };
            return AtlasConfirmOutcome.Confirmed;
        }
    }

    /// <summary>Completes when every delivery started so far has succeeded or used up its tries.</summary>
    public Task WhenDeliveriesCompleteAsync() => Task.WhenAll(_deliveries.Values);

    /// <summary>
    /// Sets up a provider state for Pact verification. Returns the values the state produced (e.g. the eventId).
    /// Throws <see cref="ArgumentException"/> for a state this sandbox does not know.
    /// </summary>
    public IReadOnlyDictionary<string, string> ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        parameters ??= new Dictionary<string, JsonElement>();
        var clientId = Param(parameters, "clientId") ?? Options.Clients[0].ClientId;
        switch (state)
        {
            case IncidentExistsState:
            {
                var draft = new JsonObject();
                foreach (var name in new[] { "eventId", "orderNo", "pnr", "airline", "paxName", "paxEmail", "confirmedResult", "confirmedRemark" })
                {
                    if (Param(parameters, name) is { } value)
                        draft[name] = value;
                }

                if (parameters.TryGetValue("eventStatus", out var status) && status.TryGetInt32(out var statusValue))
                    draft["eventStatus"] = statusValue;
                var type = Param(parameters, "type") ?? Param(parameters, "eventType") ?? EmailScheduleChange;
                var eventId = Param(parameters, "eventId");
                if (eventId is not null && FindIncident(eventId) is not null)
                    RemoveIncident(eventId);
                var incident = AddIncident(GenerateIncident(type, clientId, draft), notify: false);
                return new Dictionary<string, string> { ["eventId"] = incident.EventId, ["orderNo"] = incident.OrderNo, ["type"] = incident.EventType };
            }

            case WebhookRegisteredState:
            {
                var url = Param(parameters, "url") is { } text ? new Uri(text) : DefaultProviderStateWebhook;
                RegisterWebhook(clientId, url);
                return new Dictionary<string, string> { ["url"] = url.AbsoluteUri };
            }

            case CredentialsInvalidState:
                lock (_gate)
                    _credentialsInvalid = true;
                return new Dictionary<string, string>();

            case RateLimitExceededState:
                lock (_gate)
                    _rateLimitExceeded = true;
                return new Dictionary<string, string>();

            default:
                throw new ArgumentException(
                    $"Unknown Atlas provider state '{state}'; known states: {string.Join(", ", ProviderStates.Select(s => $"'{s}'"))}.",
                    nameof(state));
        }
    }

    /// <summary>Pact's teardown action for any state: back to an empty sandbox.</summary>
    public void TeardownProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters) => Reset();

    /// <summary>Forgets incidents, webhooks, request windows, the invalid-credentials and limit states and the delivery log.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _incidents.Clear();
            _webhooks.Clear();
            _rateWindows.Clear();
            _credentialsInvalid = false;
            _rateLimitExceeded = false;
            _deliveryLog.Clear();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        if (_ownsHttp)
            _http.Dispose();
        _stopping.Dispose();
    }

    private void RemoveIncident(string eventId)
    {
        lock (_gate)
            _incidents.Remove(eventId);
    }

    private void StartDelivery(AtlasSandboxIncident incident, Uri target)
    {
        var id = Interlocked.Increment(ref _deliverySequence);
        var task = DeliverAsync(incident, target);
        _deliveries[id] = task;
        task.ContinueWith(_ => _deliveries.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(AtlasSandboxIncident incident, Uri target)
    {
        await Task.Yield();
        var body = incident.ToNotification().ToJsonString();
        for (var copy = 1; copy <= Options.WebhookDeliveryCopies; copy++)
        {
            if (await DeliverCopyAsync(incident.EventId, body, target, copy))
                MarkNotified(incident.EventId);
        }
    }

    private async Task<bool> DeliverCopyAsync(string notificationId, string body, Uri target, int copy)
    {
        var backoff = Options.WebhookInitialBackoff;
        for (var attempt = 1; attempt <= Options.WebhookMaxAttempts; attempt++)
        {
            if (_stoppingToken.IsCancellationRequested)
                return false;
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(backoff, Options.TimeProvider, _stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                backoff *= 2;
            }

            int? status = null;
            string? error = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stoppingToken);
                timeout.CancelAfter(Options.WebhookAttemptTimeout);
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(target, content, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var record = new WebhookDeliveryAttempt(notificationId, target, copy, attempt, status, error, Options.TimeProvider.GetUtcNow());
            _deliveryLog.Enqueue(record);
            if (record.Succeeded)
                return true;
        }

        return false;
    }

    private void MarkNotified(string eventId)
    {
        lock (_gate)
        {
            if (_incidents.TryGetValue(eventId, out var incident))
                _incidents[eventId] = incident with { Notified = 1 };
        }
    }

    private AtlasSandboxClient? FindClient(string clientId) =>
        Options.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.Ordinal));

    private AtlasSandboxClient RequireClient(string clientId) =>
        FindClient(clientId) ?? throw new ArgumentException($"'{clientId}' is not a client of this Atlas sandbox.", nameof(clientId));

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // Atlas's order.schedulechange confirm (confirmEvent.do) takes no result; derive it from the change's type.
    private static string? ResultOfStructuredChange(AtlasSandboxIncident incident) =>
        incident.EventType == OrderScheduleChange && incident.Data.ValueKind == JsonValueKind.Object
        && incident.Data.TryGetProperty("scheduleChangeType", out var type) && type.ValueKind == JsonValueKind.Number
            ? type.GetInt32() == 2 ? "FLIGHT_CANCELED" : "FLIGHT_CHANGE"
            : null;

    private JsonObject GenerateData(string eventType, string orderNo, string airline, DateTime depTime, DateTimeOffset eventTime)
    {
        switch (eventType)
        {
            case EmailScheduleChange:
                return new JsonObject
                {
                    ["orderNo"] = orderNo,
                    ["emailSubject"] = $"IMPORTANT: Flight schedule change notice. Confirmation Code {RandomLetters(6)}",
                    ["emailLink"] = $"https://sandbox.atriptech.com/#/email-detail/{_random.Next(1_000_000, 9_999_999)}",
                    // spec: "(UTC+08:00) yyyymmdd hh:mm:ss".
                    ["emailReceivingDate"] = "(UTC+08:00) " + eventTime.ToOffset(AtlasWire.AtlasOffset).ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture),
                };
            case AbnormalCancelled:
                return new JsonObject { ["orderNo"] = orderNo, ["vendorRefundInformation"] = Pick("FULLY", "Cancelled") };
            default:
                var flightNumber = airline + _random.Next(100, 999).ToString(CultureInfo.InvariantCulture);
                var original = Segment(airline, flightNumber, depTime);
                var cancelled = _random.Next(4) == 0;
                return new JsonObject
                {
                    ["orderNo"] = orderNo,
                    ["scheduleChangeType"] = cancelled ? 2 : 1,
                    ["previousSegs"] = new JsonArray(original.DeepClone()),
                    ["revisedSegs"] = cancelled ? new JsonArray() : new JsonArray(Segment(airline, flightNumber, depTime.AddMinutes(_random.Next(1, 12) * 15))),
                    ["originalSegs"] = new JsonArray(original),
                };
        }
    }

    private JsonObject Segment(string airline, string flightNumber, DateTime depTime) => new()
    {
        ["carrier"] = airline,
        ["flightNumber"] = flightNumber,
        ["depAirport"] = "CGK",
        ["arrAirport"] = "DPS",
        ["depTime"] = AtlasWire.FormatLocalTime(depTime),
        ["arrTime"] = AtlasWire.FormatLocalTime(depTime.AddMinutes(170)),
        ["depTerminal"] = "",
        ["arrTerminal"] = "",
        ["codeShare"] = false,
        ["direction"] = 1,
    };

    // Atlas ids are the UTC+8 timestamp to the millisecond plus letters: "20230401003644225YJQGR"
    // (the docs say 6 letters; every sample has 5).
    private string NewEventId(DateTimeOffset at)
    {
        string id;
        do
            id = at.ToOffset(AtlasWire.AtlasOffset).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + RandomLetters(5);
        while (_incidents.ContainsKey(id));
        return id;
    }

    // "HCNMN20230227142411968": 5 letters plus the booking's timestamp.
    private string NewOrderNo(DateTimeOffset eventTime) =>
        RandomLetters(5) + eventTime.AddDays(-_random.Next(1, 90)).ToOffset(AtlasWire.AtlasOffset).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    private string RandomLetters(int count) =>
        string.Create(count, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = (char)('A' + random.Next(26));
        });

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private static JsonElement ToElement(JsonObject value) => JsonSerializer.SerializeToElement(value);

    private static string? ReadString(JsonObject? draft, string name) =>
        draft?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;

    private static int? ReadInt(JsonObject? draft, string name) =>
        draft?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static DateTimeOffset? ReadEventTime(JsonObject? draft, string name) =>
        ReadString(draft, name) is { } text && AtlasWire.TryParseEventTime(text, out var value) ? value : null;

    private static DateTime? ReadLocalTime(JsonObject? draft, string name) =>
        ReadString(draft, name) is { } text && AtlasWire.TryParseLocalTime(text, out var value) ? value : null;

    private static string? Param(IReadOnlyDictionary<string, JsonElement> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
