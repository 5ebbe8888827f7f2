using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// The local Atlas provider: its incident store, webhook registry and delivery, request gate (credentials and request
/// limit) and provider states, put together. Hosted by <see cref="AtlasSandboxEndpoints.MapAtlasSandbox"/>.
/// </summary>
public sealed class AtlasSandbox : IDisposable
{
    private readonly AtlasIncidentGenerator _generator;

    public AtlasSandbox(AtlasSandboxOptions? options = null)
    {
        Options = options ?? new AtlasSandboxOptions();
        Options.Validate();
        Incidents = new AtlasIncidentStore(Options.TimeProvider);
        Webhooks = new AtlasWebhookRegistry(Options.AllowNonLoopbackWebhooks);
        Deliveries = new AtlasWebhookDelivery(Options, Incidents.MarkNotified);
        Gate = new AtlasRequestGate(Options);
        ProviderStates = new AtlasProviderStateSetup(this);
        _generator = new AtlasIncidentGenerator(Options);
    }

    public AtlasSandboxOptions Options { get; }

    public AtlasIncidentStore Incidents { get; }

    public AtlasWebhookRegistry Webhooks { get; }

    public AtlasWebhookDelivery Deliveries { get; }

    public AtlasRequestGate Gate { get; }

    public AtlasProviderStateSetup ProviderStates { get; }

    /// <summary>The airline sandbox's provider-state scope when both share POST /_pact/provider-states (null otherwise).</summary>
    internal Admin.ProviderStateScope? StateScope { get; set; }

    /// <summary>Every webhook delivery try so far, in the order they finished.</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> DeliveryLog => Deliveries.Log;

    public AtlasSandboxIncident? FindIncident(string eventId) => Incidents.Find(eventId);

    /// <summary>Registers the one URL that receives every notification type for the client.</summary>
    public void RegisterWebhook(string clientId, Uri url)
    {
        Options.RequireClient(clientId);
        Webhooks.Register(clientId, url);
    }

    public Uri? WebhookUrlOf(string clientId) => Webhooks.UrlOf(clientId);

    /// <summary>
    /// Builds an incident of <paramref name="eventType"/> for <paramref name="clientId"/> with the fakers, filling what
    /// <paramref name="draft"/> leaves out (Incident List field names; "data" for the webhook payload).
    /// </summary>
    public AtlasSandboxIncident GenerateIncident(string eventType, string clientId, JsonObject? draft = null) =>
        _generator.Generate(eventType, Options.RequireClient(clientId), draft, eventId => Incidents.Find(eventId) is not null);

    /// <summary>Stores the incident; when <paramref name="notify"/>, delivers it to the client's webhook (if any) in the background.</summary>
    public AtlasSandboxIncident AddIncident(AtlasSandboxIncident incident, bool notify = true)
    {
        ArgumentNullException.ThrowIfNull(incident);
        Options.RequireClient(incident.ClientId);
        Incidents.Add(incident);
        if (notify && Webhooks.UrlOf(incident.ClientId) is { } target)
            Deliveries.Start(incident, target);
        return incident;
    }

    /// <summary>Completes when every delivery started so far has succeeded or used up its tries.</summary>
    public Task WhenDeliveriesCompleteAsync() => Deliveries.WhenCompleteAsync();

    /// <summary>Sets up a provider state for Pact verification (<see cref="AtlasProviderStateSetup.Apply"/>).</summary>
    public IReadOnlyDictionary<string, string> ApplyProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters) =>
        ProviderStates.Apply(state, parameters);

    /// <summary>Pact's teardown action for any state: back to an empty sandbox.</summary>
    public void TeardownProviderState(string state, IReadOnlyDictionary<string, JsonElement> parameters) => Reset();

    /// <summary>Forgets incidents, webhooks, request windows, the invalid-credentials and limit states and the delivery log.</summary>
    public void Reset()
    {
        Incidents.Clear();
        Webhooks.Clear();
        Gate.Reset();
        Deliveries.ClearLog();
    }

    public void Dispose() => Deliveries.Dispose();
}
