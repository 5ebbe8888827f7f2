using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Api;
using Harness.Sandbox.Atlas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Harness.Sandbox.Admin;

/// <summary>POST /_pact/provider-states and the /_admin endpoints. Loopback callers only; unmapped unless enabled.</summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static void Map(IEndpointRouteBuilder endpoints, AirlineSandbox sandbox, AtlasSandbox? atlas)
    {
        if (sandbox.Options.EnableProviderStates)
        {
            var runner = new ProviderStateRunner(sandbox);
            // One scope for both APIs: the verifier's calls do not say which API a state is for (see ProviderStateScope).
            var scope = new ProviderStateScope(() =>
            {
                sandbox.Reset();
                sandbox.Tokens.ForgetRegistered();
                atlas?.Reset();
            });
            sandbox.StateScope = scope;
            if (atlas is not null)
            {
                atlas.StateScope = scope;
            }

            endpoints.MapPost("/_pact/provider-states", (Delegate)((HttpContext http) => ProviderStateAsync(http, scope, runner, atlas)))
                .AddEndpointFilter(LoopbackOnly);
        }

        if (!sandbox.Options.EnableAdmin)
        {
            return;
        }

        var admin = endpoints.MapGroup("/_admin").AddEndpointFilter(LoopbackOnly);
        admin.MapGet("/ping", () => Results.Json(new { ok = true }));
        admin.MapPost("/faults", (Delegate)((HttpContext http) => SetFaultsAsync(http, sandbox)));
        admin.MapDelete("/faults", () =>
        {
            sandbox.Faults.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/break", (Delegate)((HttpContext http) => SetBreakAsync(http, sandbox)));
        admin.MapDelete("/break", () =>
        {
            sandbox.Breaks.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/echo", (Delegate)((HttpContext http) => EchoAsync(http)));
        admin.MapPost("/reset", () =>
        {
            sandbox.Reset();
            return Results.NoContent();
        });
    }

    /// <summary>The largest answer POST /_admin/echo writes.</summary>
    internal const int MaxEchoBytes = 1 << 20;

    [ThreadStatic]
    private static byte[]? s_echoAnswer;

    /// <summary>
    /// POST /_admin/echo?bytes=N: reads the whole body and throws it away, then answers 201 with a JSON object of exactly N
    /// bytes. The bench's HTTP floor for an exchange of an offer's size (bench/wrk.sh): Kestrel's and the sockets' cost of
    /// those bytes, with none of the offer path's work.
    /// </summary>
    private static async Task<IResult> EchoAsync(HttpContext http)
    {
        const string Prefix = "{\"pad\":\"", Suffix = "\"}";
        var text = http.Request.Query["bytes"].ToString();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bytes)
            || bytes < Prefix.Length + Suffix.Length || bytes > MaxEchoBytes)
        {
            return Results.Json(Error("bytes", "range", $"bytes must be a whole number from {Prefix.Length + Suffix.Length} to {MaxEchoBytes}, not '{text}'."), statusCode: 400);
        }

        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        var answer = s_echoAnswer is { } cached && cached.Length == bytes ? cached : s_echoAnswer = EchoAnswer(bytes, Prefix, Suffix);
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted);
        return Results.Empty;
    }

    private static byte[] EchoAnswer(int bytes, string prefix, string suffix)
    {
        var answer = new byte[bytes];
        answer.AsSpan().Fill((byte)'x');
        System.Text.Encoding.ASCII.GetBytes(prefix, answer);
        System.Text.Encoding.ASCII.GetBytes(suffix, answer.AsSpan(bytes - suffix.Length));
        return answer;
    }

    internal static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsLoopback(context.HttpContext.Connection.RemoteIpAddress)
            ? await next(context)
            : Results.Json(Error("remote", "loopback_only", "This endpoint answers loopback callers only."), statusCode: StatusCodes.Status403Forbidden);

    /// <summary>
    /// Accepts {state, params, action} as JSON (pact_ffi with body) or as query parameters (pact_ffi without body).
    /// The verifier may also call with no state at all: that is a 200 that only ends a previous interaction. Every setup
    /// and teardown goes through <paramref name="scope"/>, which keeps states to one request.
    /// </summary>
    private static async Task<IResult> ProviderStateAsync(HttpContext http, ProviderStateScope scope, ProviderStateRunner runner, AtlasSandbox? atlas)
    {
        JsonObject request;
        try
        {
            request = http.Request.ContentLength is > 0 || http.Request.Headers.ContentType.ToString().Contains("json", StringComparison.OrdinalIgnoreCase)
                ? await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? []
                : [];
        }
        catch (JsonException error)
        {
            return Results.Json(Error("body", "malformed_json", $"The provider-state body is not valid JSON: {error.Message}"), statusCode: 400);
        }

        var state = (string?)request["state"] ?? http.Request.Query["state"].ToString();
        var action = (string?)request["action"] ?? http.Request.Query["action"].ToString();
        var parameters = request["params"] as JsonObject ?? [];
        foreach (var (key, value) in http.Request.Query)
        {
            if (key is not ("state" or "action") && !parameters.ContainsKey(key))
            {
                parameters[key] = value.ToString();
            }
        }

        if (action == "teardown")
        {
            // One endpoint serves both pacts; the verifier's teardown does not say which API the state was for.
            scope.Teardown();
            return Results.Json(new JsonObject());
        }

        if (action is not ("" or "setup"))
        {
            return Results.Json(Error("action", "enum", $"action must be \"setup\" or \"teardown\", not \"{action}\"."), statusCode: 400);
        }

        if (string.IsNullOrWhiteSpace(state))
        {
            scope.SetupNothing();
            return Results.Json(new JsonObject());
        }

        try
        {
            var isAtlas = atlas is not null && AtlasProviderStates.Names.Contains(state);
            if (!isAtlas && !ProviderStates.Names.Contains(state))
            {
                var known = atlas is null
                    ? $"Known states: {string.Join("; ", ProviderStates.Names)}."
                    : $"Known airline states: {string.Join("; ", ProviderStates.Names)}. Known Atlas states: {string.Join("; ", AtlasProviderStates.Names)}.";
                throw new ArgumentException($"Unknown provider state \"{state}\". {known}");
            }

            // An unknown name is refused above, before the scope: a typo must not reset the states already armed.
            return Results.Json(scope.Setup(() => isAtlas ? AtlasState(atlas!, state, parameters) : runner.Setup(state, parameters)));
        }
        catch (ArgumentException error)
        {
            return Results.Json(Error("state", "provider_state", error.Message), statusCode: 400);
        }
    }

    private static JsonObject AtlasState(AtlasSandbox atlas, string state, JsonObject parameters)
    {
        var elements = parameters.ToDictionary(pair => pair.Key, pair => AtlasParameter(pair.Key, pair.Value), StringComparer.Ordinal);
        var result = (JsonObject)parameters.DeepClone();
        foreach (var (name, value) in atlas.ApplyProviderState(state, elements))
        {
            result[name] = value;
        }

        return result;
    }

    // Query parameters arrive as strings, but eventStatus is an Atlas integer: read "1" back as 1.
    private static JsonElement AtlasParameter(string name, JsonNode? value) =>
        name == "eventStatus" && value is JsonValue text && text.TryGetValue<string>(out var digits)
            && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonSerializer.SerializeToElement(number)
            : JsonSerializer.SerializeToElement(value);

    private static async Task<IResult> SetFaultsAsync(HttpContext http, AirlineSandbox sandbox)
    {
        try
        {
            var settings = await JsonSerializer.DeserializeAsync<FaultSettings>(http.Request.Body, SnakeCase)
                ?? throw new ArgumentException("The body must be a fault settings object.");
            sandbox.Faults.Set(settings);
            return Results.Json(settings, SnakeCase);
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            return Results.Json(Error("body", "invalid_faults", error.Message), statusCode: 400);
        }
    }

    private static async Task<IResult> SetBreakAsync(HttpContext http, AirlineSandbox sandbox)
    {
        try
        {
            var defect = await JsonSerializer.DeserializeAsync<ResponseBreak>(http.Request.Body, SnakeCase)
                ?? throw new ArgumentException("The body must be {operation_id, field, rename_to?}.");
            if (string.IsNullOrWhiteSpace(defect.OperationId) || string.IsNullOrWhiteSpace(defect.Field))
            {
                throw new ArgumentException("operation_id and field are required.");
            }

            // Throws ArgumentException naming the operation when the spec has no such operationId.
            _ = Harness.Spec.SpecDocument.AirlineApi.RequestSchema(defect.OperationId);
            sandbox.Breaks[defect.OperationId] = defect;
            return Results.Json(defect, SnakeCase);
        }
        catch (Exception error) when (error is JsonException or ArgumentException)
        {
            return Results.Json(Error("body", "invalid_break", error.Message), statusCode: 400);
        }
    }

    private static JsonObject Error(string field, string code, string message) => ApiException.Body([new ApiError(field, code, message)]);
}
