using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RestSharp;

namespace Harness.Client.Atlas;

/// <summary>
/// Typed client of Atlas's Notifications / Incident Management endpoints. Thread-safe: one instance per target,
/// shared by every caller. Atlas answers HTTP 200 with {status, msg}; anything but status 0 throws an
/// <see cref="AtlasApiException"/> subtype chosen by the code alone.
/// </summary>
public sealed class AtlasClient : IAtlasClient, IDisposable
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

    private readonly RestTransport _transport;
    private readonly string _clientId;
    private readonly Uri _baseUrl;

    /// <summary>A client with its own connection pool, or on <see cref="AtlasClientOptions.HttpMessageHandler"/> (not disposed here).</summary>
    public AtlasClient(AtlasClientOptions options)
        : this(OwnHttpClient(options), ownsHttpClient: true, options)
    {
    }

    /// <summary>The typed client of <c>AddAtlasClient</c>: the factory's handler pipeline.</summary>
    internal AtlasClient(HttpClient httpClient, AtlasClientOptions options)
        : this(httpClient, ownsHttpClient: false, options)
    {
    }

    private AtlasClient(HttpClient httpClient, bool ownsHttpClient, AtlasClientOptions options)
    {
        _clientId = options.ClientId;
        _baseUrl = options.BaseUrl!;
        _transport = new RestTransport(httpClient, ownsHttpClient, _baseUrl, options.Timeout, followRedirects: true);
        _transport.AddDefaultHeader(ClientIdHeader, options.ClientId);
        _transport.AddDefaultHeader(ClientSecretHeader, options.ClientSecret);
        _transport.AddDefaultHeader("Accept-Encoding", "gzip");
    }

    /// <inheritdoc />
    public Task UpdateWebhookUrlAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
            throw new ArgumentException($"The webhook URL must be absolute, not '{url}'.", nameof(url));
        return PostAsync<JsonElement>(UpdateWebhookUrlPath, new UpdateWebhookUrlRequest { Url = url.AbsoluteUri, Cid = _clientId }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IncidentPage> GetIncidentPageAsync(IncidentListQuery query, CancellationToken cancellationToken = default)
    {
        ValidateQuery(query);
        return PostAsync<IncidentPage>(IncidentListPath, query, cancellationToken);
    }

    /// <inheritdoc />
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

    /// <inheritdoc />
    public Task ConfirmEmailScheduleChangeEventAsync(EmailScheduleChangeConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmEmailScheduleChangeEventPath, confirmation, cancellationToken);
    }

    /// <inheritdoc />
    public Task ConfirmAbnormalCancelledEventAsync(AbnormalCancelledConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmAbnormalCancelledEventPath, confirmation, cancellationToken);
    }

    /// <inheritdoc />
    public Task ConfirmEventAsync(EventConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        RequireEventId(confirmation.EventId);
        return PostAsync<JsonElement>(ConfirmEventPath, confirmation, cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    public override string ToString() => $"AtlasClient {{ BaseUrl = {_baseUrl}, ClientId = {_clientId} }}";

    /// <summary>The primary handler of an Atlas connection pool, here and in <c>AddAtlasClient</c>.</summary>
    internal static SocketsHttpHandler CreateHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    private static HttpClient OwnHttpClient(AtlasClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // An injected handler is the caller's: when set, decompression is its business too.
        return new HttpClient(options.HttpMessageHandler ?? CreateHandler(), disposeHandler: options.HttpMessageHandler is null);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), AtlasJson.Options);
        var answer = await _transport.SendAsync(RestTransport.Request(path, Method.Post, json, RestTransport.JsonUtf8), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Interpret<T>(path, answer);
    }

    private static T Interpret<T>(string path, RestResponse answer)
    {
        // No HTTP status at all means no answer (refused, timed out, aborted); an HTTP error status still carries a body to read.
        if (answer is not BufferedResponse response)
            throw new AtlasTransportException($"Atlas {path} could not be reached ({answer.ResponseStatus}): {answer.ErrorMessage}", answer.ErrorException);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutByteOrderMark(response.Body));
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
            if (!response.IsSuccessStatusCode)
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

    private static AtlasRateLimitedException RateLimited(string path, BufferedResponse response, JsonElement root)
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

        if (retryAfter is null && response.HeaderValues.TryGetValue("Retry-After", out var header)
            && int.TryParse(header, System.Globalization.CultureInfo.InvariantCulture, out var headerSeconds))
        {
            retryAfter = TimeSpan.FromSeconds(headerSeconds);
        }

        return new AtlasRateLimitedException(path, retryAfter, limitType, limit, message);
    }

    /// <summary>A string read used to drop the UTF-8 byte order mark; the byte reader must do it itself.</summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;

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
