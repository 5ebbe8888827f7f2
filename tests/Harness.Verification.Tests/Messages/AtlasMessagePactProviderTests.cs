using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Atlas;
using Harness.Sandbox.Atlas;

namespace Harness.Verification.Tests.Messages;

/// <summary>
/// The provider side of the webhook message pact. Harness.Pact's verifier drives HTTP providers only, so instead of
/// pact_ffi's message verification the sandbox's real notification envelopes (AtlasSandbox, after the message's own
/// provider state) are checked against each message's example and matching rules by <see cref="MessagePactMatcher"/>.
/// </summary>
public sealed class AtlasMessagePactProviderTests
{
    public const string MessageProvider = "atlas-notifications";

    /// <summary>Types the consumer handles that the sandbox has no source for: only incidents are raised there.</summary>
    private static readonly string[] NotProducedBySandbox =
        [.. AtlasEventTypes.All.Except(AtlasEventTypes.Incidents, StringComparer.Ordinal)];

    [Fact]
    public void SandboxEnvelopes_OfEveryIncidentType_SatisfyTheMessagePact()
    {
        var messages = RepoMessages();
        if (messages.Count == 0)
        {
            // The message pact arrives with the Atlas consumer contract tests.
            return;
        }

        var checkedTypes = new List<string>();
        foreach (var message in messages)
        {
            var type = (string)message.Content["type"]!;
            if (NotProducedBySandbox.Contains(type))
            {
                continue;
            }

            var mismatches = MessagePactMatcher.Mismatches(message, SandboxEnvelope(message));

            mismatches.Should().BeEmpty("the sandbox's {0} envelope must satisfy '{1}'", type, message.Description);
            checkedTypes.Add(type);
        }

        checkedTypes.Should().BeEquivalentTo(AtlasEventTypes.Incidents, "every type the sandbox produces has a message in the pact");
        messages.Select(m => (string)m.Content["type"]!).Should().BeEquivalentTo(AtlasEventTypes.All);
    }

    [Fact]
    public void Mismatches_EnvelopeWithWrongTypesAndMissingField_NamesEachPath()
    {
        var message = RepoMessages().FirstOrDefault(m => (string?)m.Content["type"] == AtlasEventTypes.OrderScheduleChange);
        if (message is null)
        {
            return;
        }

        var broken = SandboxEnvelope(message).AsObject();
        broken["status"] = "0";
        broken["type"] = AtlasEventTypes.EmailScheduleChange;
        broken["data"]!.AsObject().Remove("orderNo");
        broken["data"]!["previousSegs"]![0]!["depTime"] = "2024-05-27T08:10:00";

        var mismatches = MessagePactMatcher.Mismatches(message, broken);

        mismatches.Should().HaveCount(4);
        mismatches.Should().Contain(m => m.StartsWith("$.status:", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("$.type: expected exactly", StringComparison.Ordinal))
            .And.Contain("$.data.orderNo: missing")
            .And.Contain(m => m.StartsWith("$.data.previousSegs[0].depTime: expected a string matching", StringComparison.Ordinal));
    }

    private static IReadOnlyList<PactMessage> RepoMessages() =>
        RepoPacts.Exist
            ? [.. Directory.GetFiles(RepoPacts.Snapshot, "*.json")
                .Where(f => (string?)JsonNode.Parse(File.ReadAllText(f))!["provider"]!["name"] == MessageProvider)
                .SelectMany(PactMessage.Load)]
            : [];

    /// <summary>What the sandbox would deliver for this message: its provider state applied, then the incident's envelope.</summary>
    private static JsonNode SandboxEnvelope(PactMessage message)
    {
        using var sandbox = new AtlasSandbox();
        string? eventId = null;
        foreach (var (name, parameters) in message.ProviderStates)
        {
            var elements = parameters.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
            sandbox.ApplyProviderState(name, elements).TryGetValue("eventId", out eventId);
        }

        var incident = sandbox.FindIncident(eventId ?? throw new InvalidOperationException($"'{message.Description}' sets up no incident."))!;
        return incident.ToNotification();
    }
}
