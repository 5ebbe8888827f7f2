using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Admin;
using Harness.Sandbox.Api;
using Harness.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harness.Sandbox;

/// <summary>Maps the sandbox into an ASP.NET Core app, so other providers (Atlas) can sit beside it under their own base path.</summary>
public static class SandboxEndpoints
{
    public const string AirlineBasePath = AirlineOperations.BasePath;

    /// <summary>A row of the operation table (<see cref="AirlineOperations"/>) with the handler that serves it.</summary>
    private sealed record Operation(AirlineOperation Definition, Func<OperationRequest, ApiResult> Handle)
    {
        public string Id => Definition.OperationId;

        public string? Product => Definition.Product;

        public bool Authenticated => Definition.RequiresToken;

        public bool CacheHeaders => Definition.CacheHeaders;

        /// <summary>
        /// The offer operations keep nothing of the request document (offers are stored as their own UTF-8 bytes), so
        /// it is disposed after the answer and its pooled buffers go back to the pool instead of becoming garbage.
        /// </summary>
        public bool ReleasesBody { get; } = Definition == AirlineOperations.PostCfarOffers || Definition == AirlineOperations.PostDgOffers
            || Definition == AirlineOperations.PostCfarOffersExternal;
    }

    /// <summary>All 23 Airline API v1.1 operations under <paramref name="basePath"/>, with faults applied.</summary>
    public static RouteGroupBuilder MapAirlineSandbox(this IEndpointRouteBuilder endpoints, AirlineSandbox sandbox, string basePath = AirlineBasePath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(sandbox);
        var handlers = new AirlineHandlers(sandbox);
        var group = endpoints.MapGroup(basePath);

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Harness.Sandbox");
        foreach (var operation in Operations(handlers))
        {
            var schema = SpecDocument.AirlineApi.RequestSchema(operation.Id);
            // A plain RequestDelegate with the faults applied inside it: an endpoint filter would wrap every request in
            // the filter pipeline (an invocation context and a boxed result), a visible share of the offer path.
            group.MapMethods(operation.Definition.PathTemplate, [operation.Definition.Method], new RequestDelegate(http => ExecuteAsync(http, operation, schema, sandbox, logger)))
                .WithName(operation.Id);
        }

        return group;
    }

    /// <summary>
    /// The loopback-only test endpoints: provider states and admin (each only when enabled in the options). With
    /// <paramref name="atlas"/>, the provider-state endpoint also runs the Atlas states, and a teardown resets both.
    /// </summary>
    public static IEndpointRouteBuilder MapSandboxAdmin(this IEndpointRouteBuilder endpoints, AirlineSandbox sandbox, Atlas.AtlasSandbox? atlas = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        AdminEndpoints.Map(endpoints, sandbox, atlas);
        return endpoints;
    }

    /// <summary>Every operation of the table with its handler; an operation without one fails the sandbox's start, naming it.</summary>
    private static Operation[] Operations(AirlineHandlers h)
    {
        var handlers = new Dictionary<AirlineOperation, Func<OperationRequest, ApiResult>>
        {
            [AirlineOperations.PostEvents] = h.PostEvents,
            [AirlineOperations.PostSessions] = h.PostSessions,
            [AirlineOperations.PostCfarOffers] = h.CfarOffers.Post,
            [AirlineOperations.PostCfarOffersExternal] = h.CfarOffers.PostExternal,
            [AirlineOperations.PostCfarContracts] = h.CfarContracts.Post,
            [AirlineOperations.GetCfarContractsId] = h.CfarContracts.Get,
            [AirlineOperations.PutCfarContractsIdUpdateStatus] = h.CfarContracts.UpdateStatus,
            [AirlineOperations.PutCfarContractsIdFormsOfPayment] = h.CfarContracts.UpdateFormsOfPayment,
            [AirlineOperations.PostCfarContractsIdPayment] = h.CfarContracts.ProcessPayment,
            [AirlineOperations.PutCfarContractsIdItinerarySlices] = h.CfarContracts.UpdateItinerarySlices,
            [AirlineOperations.PostCfarContractExercises] = h.CfarExercises.Create,
            [AirlineOperations.PutCfarContractExercisesIdMarkCompleted] = h.CfarExercises.MarkCompleted,
            [AirlineOperations.GetCustomerCfarPayoutReceipt] = h.CfarExercises.GetPayoutReceipt,
            [AirlineOperations.PostDgOffers] = h.DgOffers.Post,
            [AirlineOperations.PostDgContracts] = h.DgContracts.Post,
            [AirlineOperations.GetDgContractsId] = h.DgContracts.Get,
            [AirlineOperations.PostDgContractsIdPayment] = h.DgContracts.ProcessPayment,
            [AirlineOperations.PutDgContractsIdUpdateStatus] = h.DgContracts.UpdateStatus,
            [AirlineOperations.PutDgContractsIdItinerarySlices] = h.DgContracts.UpdateItinerarySlices,
            [AirlineOperations.PostDgContractExercises] = h.DgExercises.Create,
            [AirlineOperations.GetCustomerDgPayoutReceipt] = h.DgExercises.GetPayoutReceipt,
            [AirlineOperations.GetCustomerDgExercisesIdSession] = h.DgExercises.GetSession,
            [AirlineOperations.PostAuth] = h.PostAuth,
        };
        return [.. AirlineOperations.All.Select(o => new Operation(
            o, handlers.TryGetValue(o, out var handle) ? handle : throw new InvalidOperationException($"The sandbox has no handler for {o}.")))];
    }

    private static async Task ExecuteAsync(HttpContext http, Operation operation, JsonObject? schema, AirlineSandbox sandbox, ILogger logger)
    {
        sandbox.StateScope?.BeginRequest();
        if (!await sandbox.Faults.ApplyAsync(http))
        {
            return;
        }

        JsonDocument? document = null;
        try
        {
            ApiResult result;
            try
            {
                Authorize(http, operation, sandbox);
                document = schema is null ? null : await ReadBodyAsync(http, schema, sandbox);
                var root = document is null ? default : document.RootElement;
                var notPerformed = sandbox.NotPerformed.ContainsKey(operation.Id);
                result = operation.Handle(new OperationRequest(http, AsNode(root), http.Request.RouteValues["id"] as string, notPerformed, sandbox.Now) { Root = root });
            }
            catch (ApiException error)
            {
                await WriteErrorAsync(http, error);
                return;
            }

            await WriteResultAsync(http, operation, result, sandbox, logger);
        }
        finally
        {
            if (operation.ReleasesBody)
            {
                document?.Dispose();
            }
        }
    }

    private static async Task WriteResultAsync(HttpContext http, Operation operation, ApiResult result, AirlineSandbox sandbox, ILogger logger)
    {

        if (result.Status is >= 200 and < 300 && operation.CacheHeaders)
        {
            // Spec: Expires and Cache-Control are required on these 2xx; sandbox answers are never cacheable.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Expires = HttpDate(sandbox.Now);
        }

        if (result.HtsSessionId is { } sessionId)
        {
            http.Response.Headers["HTS-Session-ID"] = sessionId;
        }

        http.Response.StatusCode = result.Status;
        if (result.Pdf is { } pdf)
        {
            http.Response.ContentType = "application/pdf";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{result.FileName}\"";
            await http.Response.Body.WriteAsync(pdf);
        }
        else if (result.RawJson is { } raw && !sandbox.Breaks.ContainsKey(operation.Id))
        {
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = raw.Length;
            await http.Response.Body.WriteAsync(raw, http.RequestAborted);
        }
        else if ((result.Json ?? (result.RawJson is { } unparsed ? JsonNode.Parse(unparsed.Span) : null)) is { } json)
        {
            if (sandbox.Breaks.TryGetValue(operation.Id, out var defect))
            {
                ResponseBreaker.Apply(json, defect);
            }

            await WriteJsonAsync(http, json);
        }

        if (!sandbox.Options.Quiet)
        {
            logger.LogInformation("{Method} {Path} -> {Status}", http.Request.Method, http.Request.Path, result.Status);
        }
    }

    private static HttpDateText? s_httpDate;

    /// <summary>An HTTP date (RFC 1123, whole seconds), formatted once per second of the clock and shared.</summary>
    private static string HttpDate(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        var cached = s_httpDate;
        if (cached?.Second != second)
        {
            cached = s_httpDate = new HttpDateText(second, now.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        return cached.Text;
    }

    private sealed record HttpDateText(long Second, string Text);

    private static void Authorize(HttpContext http, Operation operation, AirlineSandbox sandbox)
    {
        if (!operation.Authenticated)
        {
            return;
        }

        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(401);
        }

        var token = sandbox.Tokens.Find(header[scheme.Length..].Trim()) ?? throw new ApiException(401);
        if (operation.Product is { } product && (!token.Products.Contains(product) || sandbox.WithheldProducts.ContainsKey(product)))
        {
            throw new ApiException(403);
        }
    }

    /// <summary>Parses and validates the body; the document is read once and handlers use its elements.</summary>
    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http, JsonObject schema, AirlineSandbox sandbox)
    {
        JsonDocument document;
        try
        {
            // Disposed by the caller only for operations that keep nothing of it (Operation.ReleasesBody): other handlers'
            // nodes may read from it for as long as they keep them.
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException error)
        {
            var detail = error.Message.Contains("The input does not contain any JSON tokens", StringComparison.Ordinal)
                ? "The request body is required and must be JSON."
                : $"The request body is not valid JSON: {error.Message}";
            throw ApiException.BadRequest("body", "malformed_json", detail);
        }

        var issues = sandbox.Validator.Validate(document.RootElement, schema);
        if (issues.Count > 0)
        {
            document.Dispose();
            throw ApiException.FromIssues(issues);
        }

        return document;
    }

    /// <summary>A node view of the body for the handlers that edit trees; it reads the element lazily, on first access.</summary>
    private static JsonNode? AsNode(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Undefined => null,
        JsonValueKind.Object => JsonObject.Create(root),
        JsonValueKind.Array => JsonArray.Create(root),
        _ => JsonValue.Create(root),
    };

    internal static async Task WriteErrorAsync(HttpContext http, ApiException error)
    {
        http.Response.StatusCode = error.Status;
        if (error.Status is 400 or 422)
        {
            // Spec: 400 is bad_request and 422 unprocessable_entity, both {errors:[{message, code, messages}]}.
            await WriteJsonAsync(http, ApiException.Body(error.Errors));
        }
    }

    internal static async Task WriteJsonAsync(HttpContext http, JsonNode json)
    {
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteTo(writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}
