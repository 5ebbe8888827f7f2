using Harness.Atlas.Webhooks;
using Harness.Spec.Testing;
using Microsoft.AspNetCore.Builder;

namespace Harness.Contracts.Atlas;

/// <summary>
/// The Atlas webhook message pact (consumer "atlas-webhook-receiver", provider "atlas-notifications";
/// HARNESS_ATLAS_MESSAGE_PACT_CONSUMER and HARNESS_ATLAS_MESSAGE_PACT_PROVIDER override them), staged and published like
/// the airline pact, plus the real webhook receiver (WebhookReceiver + WebhookInbox) on 127.0.0.1 that each message is
/// delivered to.
/// </summary>
public sealed class AtlasMessageContractsFixture() : StagedPactFixture(
    new StagedPactFile("HARNESS_ATLAS_MESSAGE_PACT_CONSUMER", DefaultConsumer, "HARNESS_ATLAS_MESSAGE_PACT_PROVIDER", DefaultProvider),
    AtlasJson.Options,
    AtlasMessageContractsCollection.Name)
{
    public const string DefaultConsumer = "atlas-webhook-receiver";
    public const string DefaultProvider = "atlas-notifications";
    public const string ReceiverPath = "/atlas/webhook";

    private WebApplication? _app;

    public WebhookInbox Inbox { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The receiver's URL, as Atlas would post to it.</summary>
    public Uri ReceiverUrl { get; private set; } = null!;

    public IMessagePactBuilderV4 NewMessagePact() => CreatePact().WithMessageInteractions();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_app, var baseUri) = await LoopbackApp.StartAsync(app => app.MapAtlasWebhookReceiver(Inbox, ReceiverPath));
        ReceiverUrl = new Uri(baseUri, ReceiverPath);
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The message contract tests share one pact file and one receiver.</summary>
[CollectionDefinition(Name)]
public sealed class AtlasMessageContractsCollection : ICollectionFixture<AtlasMessageContractsFixture>
{
    public const string Name = "Atlas message contracts";
}
