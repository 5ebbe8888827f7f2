using System.Text.RegularExpressions;
using Harness.Client;
using Harness.Spec.Testing;

namespace Harness.Client.Tests.Support;

/// <summary>What the canned server saw.</summary>
public sealed record RecordedRequest(string OperationId, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A canned answer: status, optional JSON or binary body, extra headers.</summary>
public sealed record CannedResponse(int StatusCode, string? Json = null, byte[]? Binary = null, string? ContentType = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A Kestrel host on 127.0.0.1:0 that plays the Airline API: it maps each request to its operation by path template,
/// records it, and answers with a spec-shaped sample of the first declared success response unless told otherwise.
/// </summary>
public sealed class CannedAirlineServer : IAsyncDisposable
{
    public const string BasePath = "/airline/v1.1/";
    public const string HtsSessionId = "9fd3f2f9-e5aa-4128-ace9-3c4ee37b685f";
    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% canned receipt\n%%EOF");

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, CannedResponse>> _overrides = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly (Regex Path, AirlineOperation Operation)[] _routes;
    private int _tokenCounter;

    private CannedAirlineServer()
    {
        _routes = AirlineOperations.All
            .Select(o => (new Regex("^" + Regex.Escape(BasePath.TrimEnd('/') + o.PathTemplate).Replace("\\{id}", "[^/]+", StringComparison.Ordinal) + "$"), o))
            .ToArray();
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int AuthCalls => _requests.Count(r => r.OperationId == "postAuth");

    /// <summary>Each issued token embeds this prefix and a counter, so tests can tell tokens apart.</summary>
    public string TokenPrefix { get; } = "tok-" + Guid.NewGuid().ToString("N");

    public int ExpiresIn { get; set; } = 3600;

    /// <summary>Delay in /auth, to widen the window where concurrent callers race for a token.</summary>
    public TimeSpan AuthDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public static async Task<CannedAirlineServer> StartAsync()
    {
        var server = new CannedAirlineServer();
        (server._app, var address) = await LoopbackApp.StartAsync(app => app.Run(server.HandleAsync));
        server.BaseUrl = new Uri(address, BasePath.TrimStart('/'));
        return server;
    }

    public void Respond(string operationId, Func<RecordedRequest, CannedResponse> respond) => _overrides[operationId] = respond;

    public void Respond(string operationId, CannedResponse response) => _overrides[operationId] = _ => response;

    public AirlineApiOptions Options(Action<Harness.Client.Logging.ApiCallLog>? onCall = null, TimeProvider? clock = null) => new()
    {
        BaseUrl = BaseUrl,
        ClientId = "test-client",
        ClientSecret = "s3cr3t-" + TokenPrefix,
        OnCall = onCall,
        TimeProvider = clock ?? TimeProvider.System,
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A spec-shaped JSON body for an operation's response schema.</summary>
    public static string SampleResponse(AirlineOperation operation, int status)
    {
        var schema = SpecDocument.AirlineApi.Operation(operation.OperationId)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!["application/json"]!["schema"]!.AsObject();
        return SchemaSampler.Full.Sample(schema).ToJsonString();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var route = _routes.FirstOrDefault(r => r.Path.IsMatch(path) && r.Operation.Method == context.Request.Method);
        if (route.Operation is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(route.Operation.OperationId, context.Request.Method, path, headers, body);
        _requests.Enqueue(recorded);

        var canned = _overrides.TryGetValue(route.Operation.OperationId, out var respond)
            ? respond(recorded)
            : await DefaultAsync(route.Operation, context.RequestAborted);
        context.Response.StatusCode = canned.StatusCode;
        foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (canned.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(canned.Json);
        }
        else if (canned.Binary is not null)
        {
            context.Response.ContentType = canned.ContentType ?? "application/octet-stream";
            await context.Response.Body.WriteAsync(canned.Binary);
        }
    }

    private async Task<CannedResponse> DefaultAsync(AirlineOperation operation, CancellationToken aborted)
    {
        var success = operation.SuccessStatusCodes[0];
        var headers = new Dictionary<string, string> { ["Expires"] = "0", ["Cache-Control"] = "no-store" };
        if (operation.ReturnsHtsSessionId)
        {
            headers[AirlineApiClient.HtsSessionIdHeader] = HtsSessionId;
        }

        switch (operation.OperationId)
        {
            case "postAuth":
                await Task.Delay(AuthDelay, aborted);
                var token = $"{TokenPrefix}-{Interlocked.Increment(ref _tokenCounter)}";
                var auth = new JsonObject { ["access_token"] = token, ["scope"] = "all:general all:cfar", ["expires_in"] = ExpiresIn, ["token_type"] = "Bearer" };
                return new CannedResponse(201, auth.ToJsonString());
            case "getCustomerCfarPayoutReceipt" or "getCustomerDgPayoutReceipt":
                headers["Content-Disposition"] = "attachment; filename=receipt.pdf";
                return new CannedResponse(200, Binary: PdfBytes, ContentType: "application/pdf", Headers: headers);
            default:
                return success == 204
                    ? new CannedResponse(204, Headers: headers)
                    : new CannedResponse(success, SampleResponse(operation, success), Headers: headers);
        }
    }
}
