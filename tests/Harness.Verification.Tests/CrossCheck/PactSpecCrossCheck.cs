namespace Harness.Verification.Tests.CrossCheck;

/// <summary>
/// Checks pact interactions against the OpenAPI spec: the path and method exist, the status is declared, headers are
/// declared, content types are declared, and the example bodies satisfy the request/response schemas (required fields,
/// enums, patterns, formats, through $ref/allOf/oneOf+discriminator). Every finding names the interaction and the rule.
/// Interactions that pin an error status send bad requests on purpose: their requests are checked for names only.
/// </summary>
public sealed class PactSpecCrossCheck
{
    public const string PathExists = "path-exists";
    public const string MethodAllowed = "method-allowed";
    public const string StatusDeclared = "status-declared";
    public const string RequestHeaderDeclared = "request-header-declared";
    public const string RequestHeaderRequired = "request-header-required";
    public const string RequestBodyRequired = "request-body-required";
    public const string RequestBodyDeclared = "request-body-declared";
    public const string RequestContentType = "request-content-type";
    public const string ResponseHeaderDeclared = "response-header-declared";
    public const string ResponseBodyDeclared = "response-body-declared";
    public const string ResponseContentType = "response-content-type";

    /// <summary>Prefix of schema findings: request-body.required, response-body.enum, response-body.pattern…</summary>
    public const string RequestBody = "request-body";

    /// <inheritdoc cref="RequestBody"/>
    public const string ResponseBody = "response-body";

    // Transport headers any HTTP exchange may carry; the spec declares only the API's own.
    private static readonly HashSet<string> TransportRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Content-Type", "Content-Length", "User-Agent", "Host", "Connection",
    };

    private static readonly HashSet<string> TransportResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Date", "Server", "Transfer-Encoding", "Connection",
    };

    private readonly SpecDocument _spec;
    private readonly ApiSpec _api;
    private readonly SchemaValidator _validator;

    public PactSpecCrossCheck(SpecDocument spec, ApiSpec api)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(api);
        this._spec = spec;
        this._api = api;
        _validator = new SchemaValidator(spec, SchemaStrictness.Strict);
    }

    /// <summary>The Airline API v1.1 spec (the repo's copy).</summary>
    public static PactSpecCrossCheck AirlineApi { get; } = new(
        SpecDocument.AirlineApi,
        OpenApiSpecReader.Read(RepoPaths.AirlineSpec, CoverageSources.AirlineProvider));

    /// <summary>
    /// Checks the pacts against this spec's provider; pacts for another provider (the Atlas pacts) are not this spec's
    /// business and are skipped.
    /// </summary>
    public IReadOnlyList<CrossCheckFinding> Check(IEnumerable<PactFile> pacts)
    {
        ArgumentNullException.ThrowIfNull(pacts);
        return [.. pacts.Where(p => p.Provider == _api.Provider).SelectMany(p => p.Interactions).SelectMany(Check)];
    }

    public IReadOnlyList<CrossCheckFinding> Check(PactInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var findings = new List<CrossCheckFinding>();
        void Report(string rule, string detail) => findings.Add(new CrossCheckFinding(interaction, rule, detail));

        var request = interaction.Request;
        if (_api.FindOperation(request.Method, request.Path) is not { } found)
        {
            if (_api.HasPath(request.Path))
            {
                Report(MethodAllowed, $"{request.Method} is not an operation of {request.Path}");
            }
            else
            {
                Report(PathExists, $"{request.Path} matches no path of the spec under {_api.BasePath}");
            }

            return findings;
        }

        var operation = _spec.Operation(found.OperationId);
        CheckRequestNames(request, operation, found, Report);
        // An interaction pinning an error (4xx, 5xx) sends a bad request on purpose (a wrongly typed field for 400, no
        // token for 401); only a request the provider accepts is held to the request schema and required headers.
        if (interaction.Response.Status < 400)
        {
            CheckRequestValidity(request, operation, found, Report);
        }

        var status = interaction.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation["responses"]?[status] is not JsonObject response)
        {
            Report(StatusDeclared, $"{found.OperationId} declares [{string.Join(", ", found.DeclaredStatuses)}], not {status}");
            return findings;
        }

        CheckResponse(interaction.Response, response, found.OperationId, status, Report);
        return findings;
    }

    /// <summary>Header names and the body's content type: the API's vocabulary, whatever the outcome.</summary>
    private void CheckRequestNames(PactRequest request, JsonObject operation, SpecOperation found, Action<string, string> report)
    {
        var declared = new HashSet<string>(HeaderParameters(operation).Select(p => (string)p["name"]!), StringComparer.OrdinalIgnoreCase);
        declared.UnionWith(SecurityHeaders(operation));
        foreach (var name in request.Headers.Keys.Where(h => !declared.Contains(h) && !TransportRequestHeaders.Contains(h)))
        {
            report(RequestHeaderDeclared, $"header '{name}' is not declared for {found.OperationId} (declared: {string.Join(", ", declared.Order(StringComparer.Ordinal))})");
        }

        if (request.Body is null)
        {
            return;
        }

        if (operation["requestBody"]?["content"] is not JsonObject content)
        {
            report(RequestBodyDeclared, $"{found.OperationId} takes no request body, but the interaction sends one");
            return;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !content.ContainsKey(mediaType))
        {
            report(RequestContentType, $"the request of {found.OperationId} is declared as [{string.Join(", ", content.Select(c => c.Key))}], not '{request.ContentType ?? "(no content type)"}'");
        }
    }

    /// <summary>Required headers present, a required body present, the body valid against its schema.</summary>
    private void CheckRequestValidity(PactRequest request, JsonObject operation, SpecOperation found, Action<string, string> report)
    {
        foreach (var required in HeaderParameters(operation).Where(p => p["required"] is JsonValue r && (bool)r).Select(p => (string)p["name"]!))
        {
            if (!request.Headers.ContainsKey(required))
            {
                report(RequestHeaderRequired, $"required header '{required}' of {found.OperationId} is missing");
            }
        }

        var requestBody = operation["requestBody"] as JsonObject;
        if (request.Body is null)
        {
            if (requestBody?["required"] is JsonValue flag && (bool)flag)
            {
                report(RequestBodyRequired, $"{found.OperationId} requires a request body and the interaction sends none");
            }

            return;
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not null && requestBody?["content"]?[mediaType]?["schema"] is JsonObject schema && IsJson(mediaType))
        {
            foreach (var error in _validator.Validate(request.Body, schema))
            {
                report($"{RequestBody}.{error.Code}", $"the request of {found.OperationId}: {error}");
            }
        }
    }

    private static IEnumerable<JsonObject> HeaderParameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == "header");

    private static bool IsJson(string mediaType) => mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private void CheckResponse(PactResponse actual, JsonObject response, string operationId, string status, Action<string, string> report)
    {
        var headers = response["headers"] as JsonObject ?? [];
        var declared = new HashSet<string>(headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
        foreach (var name in actual.Headers.Keys.Where(h => !declared.Contains(h) && !TransportResponseHeaders.Contains(h)))
        {
            report(ResponseHeaderDeclared, $"header '{name}' is not declared for {operationId} {status} (declared: {string.Join(", ", headers.Select(h => h.Key))})");
        }

        if (actual.Body is null)
        {
            return;
        }

        if (response["content"] is not JsonObject content)
        {
            report(ResponseBodyDeclared, $"{operationId} {status} declares no body, but the interaction pins one");
            return;
        }

        var mediaType = actual.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !content.ContainsKey(mediaType))
        {
            report(ResponseContentType, $"the {status} response of {operationId} is declared as [{string.Join(", ", content.Select(c => c.Key))}], not '{actual.ContentType ?? "(no content type)"}'");
            return;
        }

        if (content[mediaType]?["schema"] is JsonObject schema && IsJson(mediaType))
        {
            foreach (var error in _validator.Validate(actual.Body, schema))
            {
                report($"{ResponseBody}.{error.Code}", $"the {status} response of {operationId}: {error}");
            }
        }
    }

    /// <summary>Headers the operation's security schemes put on a request (Authorization for http, the apiKey header name).</summary>
    private IEnumerable<string> SecurityHeaders(JsonObject operation)
    {
        var requirements = operation["security"] as JsonArray ?? _spec.Root["security"] as JsonArray ?? [];
        var schemes = _spec.Root["components"]?["securitySchemes"] as JsonObject ?? [];
        foreach (var scheme in requirements.OfType<JsonObject>().SelectMany(r => r.Select(kv => kv.Key)))
        {
            // Spec: operations also list "apiKeyAuth", which components.securitySchemes never defines; it adds no header.
            switch (schemes[scheme])
            {
                case JsonObject s when (string?)s["type"] is "http" or "oauth2" or "openIdConnect":
                    yield return "Authorization";
                    break;
                case JsonObject s when (string?)s["type"] == "apiKey" && (string?)s["in"] == "header":
                    yield return (string)s["name"]!;
                    break;
            }
        }
    }
}

/// <summary>One way an interaction drifts from the spec.</summary>
/// <param name="Rule">A rule name: path-exists, status-declared, response-body.required, request-header-declared…</param>
public sealed record CrossCheckFinding(PactInteraction Interaction, string Rule, string Detail)
{
    public override string ToString() => $"{Interaction.PactFileName}: {Interaction.DisplayName}: [{Rule}] {Detail}";
}
