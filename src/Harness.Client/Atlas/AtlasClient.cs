using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RestSharp;
using RestSharp.Serializers.Json;

namespace Harness.Client.Atlas;

/// <summary>
/// Typed client of Atlas's Notifications / Incident Management endpoints. Thread-safe: one instance per target,
/// shared by every caller. Atlas answers HTTP 200 with {status, msg}; anything but status 0 throws an
/// <see cref="AtlasApiException"/> subtype chosen by the code alone.
/// </summary>
public sealed class AtlasClient : IDisposable
{
    public const string UpdateWebhookUrlPath = "updateWebhookURL.do";
    public const string IncidentListPath = "event/getPageList.do";
    public const string ConfirmEmailScheduleChangeEventPath = "event/confirmEmailScheduleChangeEvent.do";
    public const string ConfirmAbnormalCancelledEventPath = "event/confirmAbnormalCancelledEvent.do";
    public const string ConfirmEventPath = "event/confirmEvent.do";

    /// <summary>Bound of <see cref="GetAllIncidentsAsync"/>: a server that ignores pageIndex must not keep it walking forever.</summary>
    public const int MaxPages = 10_000;

    public const string ClientIdHeader = "x-atlas-client-id";
    public const string ClientSecretHeader = "x-atlas-client-secret";

    private readonly RestClient _rest;
    private readonly string _clientId;
    private readonly Uri _baseUrl;

    public AtlasClient(AtlasClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clientId = options.ClientId;
        _baseUrl = options.BaseUrl!;

        var handler = options.HttpMessageHandler;
        var restOptions = new RestClientOptions(_baseUrl)
        {
            Timeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.GZip,
            ThrowOnAnyError = false,
            ThrowOnDeserializationError = false,
        };
        if (handler is not null)
            restOptions.ConfigureMessageHandler = _ => handler;

        _rest = new RestClient(restOptions, configureSerialization: s => s.UseSystemTextJson(AtlasJson.Options));
        _rest.AddDefaultHeader(ClientIdHeader, options.ClientId);
        _rest.AddDefaultHeader(ClientSecretHeader, options.ClientSecret);
        _rest.AddDefaultHeader("Accept-Encoding", "gzip");
    }

    /// <summary>POST /updateWebhookURL.do: every event type is sent to this one URL.</summary>
    public Task UpdateWebhookUrlAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
            throw new ArgumentException($"The webhook URL must be absolute, not '{url}'.", nameof(url));
        return PostAsync<JsonElement>(UpdateWebhookUrlPath, new UpdateWebhookUrlRequest { Url = url.AbsoluteUri, Cid = _clientId }, cancellationToken);
    }

    /// <summary>POST /event/getPageList.do: one page of incidents matching <paramref name="query"/>.</summary>
    public Task<IncidentPage> GetIncidentPageAsync(IncidentListQuery query, CancellationToken cancellationToken = default)
    {
        ValidateQuery(query);
        return PostAsync<IncidentPage>(IncidentListPath, query, cancellationToken);
    }

    /// <summary>
    /// Walks every page from <see cref="IncidentListQuery.PageIndex"/> (default 1) on. Stops at a short or empty page,
    /// or once <c>total</c> records have been seen.
    /// </summary>
    public async IAsyncEnumerable<Incident> GetAllIncidentsAsync(
        IncidentListQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateQuery(query);
        var pageIndex = query.PageIndex ?? 1;
        while (true)
        {
            var page = await GetIncidentPageAsync(query with { PageIndex = pageIndex }, cancellationToken);
            foreach (var incident in page.Records)
                yield return incident;

            var reachedTotal = page.Total is { } total && (pageIndex - 1) * query.PageSize + page.Records.Count >= total;
            if (page.Records.Count < query.PageSize || reachedTotal)
                yield break;
            if (++pageIndex > MaxPages)
                throw new AtlasTransportException($"Atlas {IncidentListPath} still returned full pages after {MaxPages} pages; is pageIndex being ignored?");
        }
    }

    /// <summary>POST /event/confirmEmailScheduleChangeEvent.do: acknowledge an email.schedulechange incident.</summary>
    public Task ConfirmEmailScheduleChangeEventAsync(EmailScheduleChangeConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmEmailScheduleChangeEventPath, confirmation, cancellationToken);
    }

    /// <summary>POST /event/confirmAbnormalCancelledEvent.do: acknowledge an abnormal.cancelled incident.</summary>
    public Task ConfirmAbnormalCancelledEventAsync(AbnormalCancelledConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmAbnormalCancelledEventPath, confirmation, cancellationToken);
    }

    /// <summary>POST /event/confirmEvent.do: acknowledge an order.schedulechange incident.</summary>
    public Task ConfirmEventAsync(EventConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmEventPath, confirmation, cancellationToken);
    }

    public void Dispose() => _rest.Dispose();

    public override string ToString() => $"AtlasClient {{ BaseUrl = {_baseUrl}, ClientId = {_clientId} }}";

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var request = new RestRequest(path, Method.Post).AddJsonBody(body, ContentType.Json);
        var response = await _rest.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Interpret<T>(path, response);
    }

    private static T Interpret<T>(string path, RestResponse response)
    {
        // No HTTP status at all means no answer (refused, timed out, aborted); an HTTP error status still carries a body to read.
        if (response.StatusCode == 0)
            throw new AtlasTransportException($"Atlas {path} could not be reached ({response.ResponseStatus}): {response.ErrorMessage}", response.ErrorException);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Content ?? "");
        }
        catch (JsonException ex)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw RateLimited(path, response, default);
            throw new AtlasTransportException($"Atlas {path} answered HTTP {(int)response.StatusCode} with a body that is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || IsRateLimitBody(root))
                throw RateLimited(path, response, root);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var statusElement)
                || !TryReadInt(statusElement, out var status))
            {
                throw new AtlasTransportException($"Atlas {path} answered HTTP {(int)response.StatusCode} without a numeric 'status' field.");
            }

            if (status != 0)
                throw AtlasApiException.For(path, status, ReadString(root, "msg"));
            if (!response.IsSuccessful)
                throw new AtlasTransportException($"Atlas {path} answered HTTP {(int)response.StatusCode} with status 0; Atlas answers 200.");

            try
            {
                return root.Deserialize<T>(AtlasJson.Options)
                    ?? throw new AtlasTransportException($"Atlas {path} answered an empty body.");
            }
            catch (JsonException ex)
            {
                throw new AtlasTransportException($"Atlas {path} answered a body this client cannot read: {ex.Message}", ex);
            }
        }
    }

    private static bool IsRateLimitBody(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code)
        && TryReadInt(code, out var value) && value == (int)AtlasStatus.RateLimitExceeded;

    private static AtlasRateLimitedException RateLimited(string path, RestResponse response, JsonElement root)
    {
        TimeSpan? retryAfter = null;
        int? limit = null;
        string? limitType = null, message = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("retryAfter", out var after) && TryReadInt(after, out var seconds))
                retryAfter = TimeSpan.FromSeconds(seconds);
            if (root.TryGetProperty("limit", out var limitElement) && TryReadInt(limitElement, out var limitValue))
                limit = limitValue;
            limitType = ReadString(root, "limitType");
            message = ReadString(root, "message");
        }

        if (retryAfter is null)
        {
            var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase));
            if (int.TryParse(header?.Value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var headerSeconds))
                retryAfter = TimeSpan.FromSeconds(headerSeconds);
        }

        return new AtlasRateLimitedException(path, retryAfter, limitType, limit, message);
    }

    private static bool TryReadInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(element.GetString(), System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static void ValidateQuery(IncidentListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize <= 0)
            throw new ArgumentException($"IncidentListQuery.PageSize is required by Atlas and must be positive, not {query.PageSize}.", nameof(query));
        if (query.PageIndex is <= 0)
            throw new ArgumentException($"IncidentListQuery.PageIndex is 1-based, not {query.PageIndex}.", nameof(query));
    }

    private static void RequireEventId(string eventId)
    {
        if (string.IsNullOrWhiteSpace(eventId))
            throw new ArgumentException("The confirmation's EventId is required.", nameof(eventId));
    }
}
