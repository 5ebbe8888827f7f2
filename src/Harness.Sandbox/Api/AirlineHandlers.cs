using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Api;

/// <summary>
/// Operation handlers. Each validates everything first and changes state only at the end. Auth, sessions and events
/// are here; CFAR and DG share their offer, contract and exercise handlers, each given the product's rules.
/// </summary>
internal sealed class AirlineHandlers(AirlineSandbox sandbox)
{
    private SandboxState State => sandbox.State;

    public OfferHandlers CfarOffers { get; } = new(sandbox, CfarRules.Instance);

    public OfferHandlers DgOffers { get; } = new(sandbox, DgRules.Instance);

    public ContractHandlers CfarContracts { get; } = new(sandbox, CfarRules.Instance);

    public ContractHandlers DgContracts { get; } = new(sandbox, DgRules.Instance);

    public CfarExerciseHandlers CfarExercises { get; } = new(sandbox);

    public DgExerciseHandlers DgExercises { get; } = new(sandbox);

    public OfferHandlers Offers(string product) => product == Products.Cfar ? CfarOffers : DgOffers;

    public ContractHandlers Contracts(string product) => product == Products.Cfar ? CfarContracts : DgContracts;

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

        var id = (string?)body["session_id"] ?? RandomIds.NewId();
        if (State.HasSession(id))
        {
            throw ApiException.Unprocessable("session_id", "duplicate", $"session_id '{id}' already exists.");
        }

        if (request.NotPerformed)
        {
            return ApiResult.NoContent;
        }

        State.Sessions.TryAdd(id, new Session(request.Now));
        return new ApiResult(201, new JsonObject { ["id"] = id });
    }

    public ApiResult PostEvents(OperationRequest request)
    {
        // Spec: HC-Session-ID is required on this operation only; the sandbox also requires the session to exist.
        var sessionId = request.SessionId
            ?? throw ApiException.Unprocessable(OperationRequest.SessionHeader, "required", "The HC-Session-ID header is required on POST /events.");
        if (!State.HasSession(sessionId))
        {
            throw ApiException.Unprocessable(OperationRequest.SessionHeader, "unknown_session", $"HC-Session-ID '{sessionId}' is not a known session; create it with POST /sessions.");
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
}
