using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// The setup each Atlas provider state (<see cref="AtlasProviderStates"/>, names and parameters) runs on the sandbox.
/// Through POST /_pact/provider-states a state holds for one request (the sandbox README's provider-state rule); any
/// teardown resets the sandbox.
/// </summary>
public sealed class AtlasProviderStateSetup
{
    private static readonly Uri DefaultWebhook = new("http://127.0.0.1/atlas/webhook");

    private readonly AtlasSandbox _sandbox;
    private readonly Dictionary<string, Func<string, IReadOnlyDictionary<string, JsonElement>, IReadOnlyDictionary<string, string>>> _setups;

    internal AtlasProviderStateSetup(AtlasSandbox sandbox)
    {
        _sandbox = sandbox;
        _setups = new(StringComparer.Ordinal)
        {
            [AtlasProviderStates.IncidentExists] = SetUpIncident,
            [AtlasProviderStates.WebhookRegistered] = SetUpWebhook,
            [AtlasProviderStates.CredentialsInvalid] = (_, _) =>
            {
                _sandbox.Gate.RefuseCredentials();
                return new Dictionary<string, string>();
            },
            [AtlasProviderStates.RequestLimitExceeded] = (_, _) =>
            {
                _sandbox.Gate.ExceedLimit();
                return new Dictionary<string, string>();
            },
        };
    }

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
                $"Unknown Atlas provider state '{state}'; known states: {string.Join(", ", AtlasProviderStates.Names.Select(s => $"'{s}'"))}.", nameof(state));
        }

        var clientId = Param(parameters, AtlasProviderStateParams.ClientId) ?? _sandbox.Options.Clients[0].ClientId;
        return setup(clientId, parameters);
    }

    private IReadOnlyDictionary<string, string> SetUpIncident(string clientId, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        var draft = new JsonObject();
        foreach (var name in AtlasProviderStates.IncidentTextFields)
        {
            if (Param(parameters, name) is { } value)
                draft[name] = value;
        }

        if (parameters.TryGetValue(AtlasProviderStateParams.EventStatus, out var status) && status.TryGetInt32(out var statusValue))
            draft[AtlasProviderStateParams.EventStatus] = statusValue;
        var type = Param(parameters, AtlasProviderStateParams.Type) ?? Param(parameters, AtlasProviderStateParams.EventType) ?? AtlasEventTypes.EmailScheduleChange;
        if (Param(parameters, AtlasProviderStateParams.EventId) is { } eventId)
            _sandbox.Incidents.Remove(eventId);
        var incident = _sandbox.AddIncident(_sandbox.GenerateIncident(type, clientId, draft), notify: false);
        return new Dictionary<string, string> { [AtlasProviderStateParams.EventId] = incident.EventId, [AtlasProviderStateParams.OrderNo] = incident.OrderNo, [AtlasProviderStateParams.Type] = incident.EventType };
    }

    private IReadOnlyDictionary<string, string> SetUpWebhook(string clientId, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        var url = Param(parameters, AtlasProviderStateParams.Url) is { } text ? new Uri(text) : DefaultWebhook;
        _sandbox.RegisterWebhook(clientId, url);
        return new Dictionary<string, string> { [AtlasProviderStateParams.Url] = url.AbsoluteUri };
    }

    private static string? Param(IReadOnlyDictionary<string, JsonElement> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
