using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Api;

/// <summary>Operation handlers. Each validates everything first and changes state only at the end.</summary>
internal sealed partial class AirlineHandlers(AirlineSandbox sandbox)
{
    private const string SessionHeader = "HC-Session-ID";

    private SandboxState State => sandbox.State;

    public ApiResult PostAuth(OperationRequest request)
    {
        var clientId = (string)request.Object["client_id"]!;
        var secret = Encoding.UTF8.GetBytes((string)request.Object["client_secret"]!);
        var client = sandbox.Options.Clients.FirstOrDefault(c =>
            c.ClientId == clientId && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c.ClientSecret), secret));
        if (client is null)
        {
            throw new ApiException(401);
        }

        var token = sandbox.Tokens.Issue(client, sandbox.Options.TokenLifetime);
        var scope = string.Join(' ', new[] { "all:general" }.Concat(client.Products.Select(p => $"all:{p}")));
        return new ApiResult(201, new JsonObject
        {
            ["access_token"] = token,
            ["scope"] = scope,
            ["expires_in"] = (int)sandbox.Options.TokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
        });
    }

    public ApiResult PostSessions(OperationRequest request)
    {
        var body = request.Object;
        if ((string?)body["flow_type"] == "exercise" && body["product"] is null)
        {
            // Spec (prose only): "Required for sessions having flow_type \"exercise\"".
            throw ApiException.Unprocessable("product", "required", "product is required when flow_type is \"exercise\".");
        }

        var id = (string?)body["session_id"] ?? NewId();
        if (State.HasSession(id))
        {
            throw ApiException.Unprocessable("session_id", "duplicate", $"session_id '{id}' already exists.");
        }

        if (request.NotPerformed)
        {
            return ApiResult.NoContent;
        }

        State.Sessions.TryAdd(id, new Session(id, request.Now));
        return new ApiResult(201, new JsonObject { ["id"] = id });
    }

    public ApiResult PostEvents(OperationRequest request)
    {
        // Spec: HC-Session-ID is required on this operation only; the sandbox also requires the session to exist.
        var sessionId = request.Header(SessionHeader)
            ?? throw ApiException.Unprocessable(SessionHeader, "required", "The HC-Session-ID header is required on POST /events.");
        if (!State.HasSession(sessionId))
        {
            throw ApiException.Unprocessable(SessionHeader, "unknown_session", $"HC-Session-ID '{sessionId}' is not a known session; create it with POST /sessions.");
        }

        var body = request.Object;
        RequireContract(body, "cfar_contract_id", Products.Cfar);
        RequireContract(body, "dg_contract_id", Products.Dg);
        State.RecordEvent();
        return ApiResult.NoContent;
    }

    private void RequireContract(JsonObject body, string field, string product)
    {
        if ((string?)body[field] is { } id && (!State.Contracts.TryGet(id, out var contract) || contract.Product != product))
        {
            throw ApiException.Unprocessable(field, "unknown_contract", $"{field} '{id}' is not a known {product.ToUpperInvariant()} contract.");
        }
    }

    /// <summary>
    /// The session an offer or exercise belongs to: the HC-Session-ID header (must exist), else the inline
    /// session object (created when new), else a new session when <paramref name="createWhenAbsent"/>.
    /// Nothing is stored here; <see cref="CommitSession"/> does that once the request is known to be good.
    /// </summary>
    private (string? Id, bool IsNew) PlanSession(OperationRequest request, bool createWhenAbsent)
    {
        if (request.Header(SessionHeader) is { } header)
        {
            return State.HasSession(header)
                ? (header, false)
                : throw ApiException.Unprocessable(SessionHeader, "unknown_session", $"HC-Session-ID '{header}' is not a known session.");
        }

        if (request.Root.ValueKind == JsonValueKind.Object && request.Root.TryGetProperty("session"u8, out var inline) && inline.ValueKind == JsonValueKind.Object)
        {
            var id = inline.TryGetProperty("session_id"u8, out var sessionId) ? sessionId.GetString()! : NewId();
            return (id, !State.HasSession(id));
        }

        return createWhenAbsent ? (NewId(), true) : (null, false);
    }

    private void CommitSession((string? Id, bool IsNew) plan, DateTimeOffset now)
    {
        if (plan is { IsNew: true, Id: { } id })
        {
            State.Sessions.TryAdd(id, new Session(id, now));
        }
    }

    private Contract FindContract(string? id, string product) =>
        id is not null && State.Contracts.TryGet(id, out var contract) && contract.Product == product
            ? contract
            : throw ApiException.NotFound();

    /// <summary>The inline session's language, if any.</summary>
    private static string? SessionLanguage(JsonElement body) =>
        body.TryGetProperty("session"u8, out var session) && session.ValueKind == JsonValueKind.Object && session.TryGetProperty("language"u8, out var language)
            ? language.GetString()
            : null;

    // The usual contents (en and fr, for no language or either of them) are serialized once per product; other
    // languages are built per request, so callers cannot grow this cache.
    private static readonly byte[] CfarContentsUtf8 = ApiResult.Utf8(Contents(Products.Cfar, null));

    /// <summary><see cref="Contents"/> as UTF-8 JSON, for writers that copy it into a response.</summary>
    private static byte[] ContentsUtf8(string product, string? sessionLanguage) =>
        product == Products.Cfar && (sessionLanguage is null || sessionLanguage.Equals("en", StringComparison.OrdinalIgnoreCase) || sessionLanguage.Equals("fr", StringComparison.OrdinalIgnoreCase))
            ? CfarContentsUtf8
            : ApiResult.Utf8(Contents(product, sessionLanguage));

    private static JsonObject Contents(string product, string? sessionLanguage)
    {
        var languages = new List<string> { "en", "fr" };
        if (sessionLanguage is { Length: > 0 } && !languages.Contains(sessionLanguage.ToLowerInvariant()))
        {
            languages.Add(sessionLanguage.ToLowerInvariant());
        }

        var contents = new JsonObject();
        foreach (var language in languages)
        {
            var (bullets, title) = (product, language) switch
            {
                (Products.Cfar, "fr") => (new[] { "Annulez pour n'importe quelle raison", "Remboursement de 80 % du prix" }, "Annulation flexible"),
                (Products.Cfar, _) => (new[] { "Cancel for any reason", "Get 80% of your trip cost back" }, "Cancel For Any Reason"),
                (_, "fr") => (new[] { "Protection en cas de retard ou d'annulation", "Réservez un nouveau vol sans frais" }, "Garantie perturbation"),
                _ => (new[] { "Covered if your flight is delayed or canceled", "Rebook a new flight at no cost" }, "Disruption Guarantee"),
            };
            contents[language] = new JsonObject
            {
                ["bullet_points"] = new JsonArray(bullets.Select(b => (JsonNode)b).ToArray()),
                ["labels"] = new JsonObject { ["title"] = title, ["language"] = language },
            };
        }

        return contents;
    }

    private static string NewId() => RandomIds.NewId();

    private static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    private static JsonObject Clone(JsonNode? node) => (JsonObject)node!.DeepClone();
}
