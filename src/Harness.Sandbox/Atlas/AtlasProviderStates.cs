using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// The Atlas provider states for Pact verification: each name and the setup it runs on the sandbox. Through
/// POST /_pact/provider-states a state holds for one request (the sandbox README's provider-state rule); any teardown
/// resets the sandbox.
/// </summary>
public sealed class AtlasProviderStates
{
    /// <summary>
    /// {eventId?, type?, orderNo?, eventStatus?, confirmedResult?, confirmedRemark?, clientId?, pnr?, airline?, paxName?,
    /// paxEmail?}. The incident is stored; nobody is notified.
    /// </summary>
    public const string IncidentExists = "an incident exists";

    /// <summary>{url?, clientId?}.</summary>
    public const string WebhookRegistered = "a webhook is registered";

    /// <summary>Every request answers 900 until the sandbox resets.</summary>
    public const string CredentialsInvalid = "the client credentials are invalid";

    /// <summary>
    /// Every call that passes authentication and validation answers HTTP 429 until the sandbox resets, as if
    /// <see cref="AtlasRequestGate.ForcedRateLimit"/> were used up.
    /// </summary>
    public const string RequestLimitExceeded = "the request limit is exceeded";

    private static readonly Uri DefaultWebhook = new("http://127.0.0.1/atlas/webhook");

    private static readonly string[] IncidentFields = ["eventId", "orderNo", "pnr", "airline", "paxName", "paxEmail", "confirmedResult", "confirmedRemark"];

    private readonly AtlasSandbox _sandbox;
    private readonly Dictionary<string, Func<string, IReadOnlyDictionary<string, JsonElement>, IReadOnlyDictionary<string, string>>> _setups;

    internal AtlasProviderStates(AtlasSandbox sandbox)
    {
        _sandbox = sandbox;
        _setups = new(StringComparer.Ordinal)
        {
            [IncidentExists] = SetUpIncident,
            [WebhookRegistered] = SetUpWebhook,
            [CredentialsInvalid] = (_, _) =>
            {
                _sandbox.Gate.RefuseCredentials();
                return new Dictionary<string, string>();
            },
            [RequestLimitExceeded] = (_, _) =>
            {
                _sandbox.Gate.ExceedLimit();
                return new Dictionary<string, string>();
            },
        };
    }

    public static IReadOnlyList<string> All { get; } = [IncidentExists, WebhookRegistered, CredentialsInvalid, RequestLimitExceeded];

    /// <summary>
    /// Sets up <paramref name="state"/>. Returns the values the state produced (e.g. the eventId). Throws
    /// <see cref="ArgumentException"/> for a state this sandbox does not know.
    /// </summary>
    public IReadOnlyDictionary<string, string> Apply(string state, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        ArgumentNullException.ThrowIfNull(state);
        parameters ??= new Dictionary<string, JsonElement>();
        if (!_setups.TryGetValue(state, out var setup))
        {
            throw new ArgumentException(
                $"Unknown Atlas provider state '{state}'; known states: {string.Join(", ", All.Select(s => $"'{s}'"))}.", nameof(state));
        }

        var clientId = Param(parameters, "clientId") ?? _sandbox.Options.Clients[0].ClientId;
        return setup(clientId, parameters);
    }

    private IReadOnlyDictionary<string, string> SetUpIncident(string clientId, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        var draft = new JsonObject();
        foreach (var name in IncidentFields)
        {
            if (Param(parameters, name) is { } value)
                draft[name] = value;
        }

        if (parameters.TryGetValue("eventStatus", out var status) && status.TryGetInt32(out var statusValue))
            draft["eventStatus"] = statusValue;
        var type = Param(parameters, "type") ?? Param(parameters, "eventType") ?? AtlasEventTypes.EmailScheduleChange;
        if (Param(parameters, "eventId") is { } eventId)
            _sandbox.Incidents.Remove(eventId);
        var incident = _sandbox.AddIncident(_sandbox.GenerateIncident(type, clientId, draft), notify: false);
        return new Dictionary<string, string> { ["eventId"] = incident.EventId, ["orderNo"] = incident.OrderNo, ["type"] = incident.EventType };
    }

    private IReadOnlyDictionary<string, string> SetUpWebhook(string clientId, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        var url = Param(parameters, "url") is { } text ? new Uri(text) : DefaultWebhook;
        _sandbox.RegisterWebhook(clientId, url);
        return new Dictionary<string, string> { ["url"] = url.AbsoluteUri };
    }

    private static string? Param(IReadOnlyDictionary<string, JsonElement> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
