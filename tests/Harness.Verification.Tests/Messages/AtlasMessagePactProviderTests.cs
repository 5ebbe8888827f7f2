using System.Text.RegularExpressions;
using Harness.Client.Atlas;
using Harness.Sandbox.Atlas;

namespace Harness.Verification.Tests.Messages;

/// <summary>
/// The provider side of the webhook message pact, verified by the Pact engine like any other pact: the verifier sets up
/// each message's provider state on the sandbox, asks <see cref="PactVerifier.WithMessages(Action{Harness.Pact.Verifier.Messaging.IMessageScenarios})"/>
/// for the message by its description, and gets the sandbox's real notification envelope of the incident that state
/// created (<see cref="AtlasSandboxIncident.ToNotification"/>). Only incidents are raised by the sandbox, so only their
/// messages are verified; the other types have no source here.
/// </summary>
public sealed class AtlasMessagePactProviderTests
{
    public const string MessageProvider = "atlas-notifications";

    [Fact]
    public async Task Verify_MessagePact_EverySandboxEnvelopeSatisfiesItsMessage()
    {
        var pact = MessagePact();
        var verified = SandboxMessages(pact);
        await using var provider = await ProviderUnderTest.StartAsync();
        using var verifier = provider.Verifier(MessageProvider)
            .WithMessages(scenarios =>
            {
                foreach (var description in verified.Keys)
                {
                    scenarios.Add(description, () => LatestEnvelope(provider));
                }
            })
            .WithFileSource(pact)
            .WithFilter(description: OneOf(verified.Keys));

        var result = await verifier.VerifyAsync();

        verified.Values.Should().BeEquivalentTo(AtlasEventTypes.Incidents, "every type the sandbox produces has a message in the pact");
        Types(pact).Should().BeEquivalentTo(AtlasEventTypes.All, "the pact holds a message for every type the receiver handles");
        foreach (var description in verified.Keys)
        {
            result.Output.Should().Contain(description);
        }

        result.Output.Should().NotContain("FAILED");
    }

    [Fact]
    public async Task Verify_WhenEnvelopeHasWrongTypesAndMissingField_FailsNamingEachMismatch()
    {
        var pact = MessagePact();
        var description = SandboxMessages(pact).Single(message => message.Value == AtlasEventTypes.OrderScheduleChange).Key;
        await using var provider = await ProviderUnderTest.StartAsync();
        using var verifier = provider.Verifier(MessageProvider)
            .WithMessages(scenarios => scenarios.Add(description, () =>
            {
                var broken = LatestEnvelope(provider);
                broken["status"] = "0";
                broken["data"]!.AsObject().Remove("orderNo");
                return broken;
            }))
            .WithFileSource(pact)
            .WithFilter(description: OneOf([description]));

        var verify = () => verifier.VerifyAsync();

        var failure = (await verify.Should().ThrowAsync<PactFailureException>()).Which;
        failure.Message.Should().Contain(description)
            .And.Contain("$.status")
            .And.Contain("orderNo");
    }

    /// <summary>The message pact the Atlas consumer contract tests wrote to contracts/pacts.</summary>
    private static FileInfo MessagePact()
    {
        var files = RepoPacts.Exist
            ? Directory.GetFiles(RepoPacts.Snapshot, "*.json")
                .Where(file => (string?)JsonNode.Parse(File.ReadAllText(file))!["provider"]!["name"] == MessageProvider)
                .ToList()
            : [];
        return files.Count == 1
            ? new FileInfo(files[0])
            : throw new InvalidOperationException(
                $"Expected one message pact for provider '{MessageProvider}' in {RepoPacts.Directory}, found {files.Count}: " +
                "run `dotnet test contracts/Harness.Contracts` to write it.");
    }

    /// <summary>Description → notification type of each message in the pact whose type the sandbox raises.</summary>
    private static Dictionary<string, string> SandboxMessages(FileInfo pact) =>
        Messages(pact)
            .Where(message => AtlasEventTypes.Incidents.Contains(message.Type))
            .ToDictionary(message => message.Description, message => message.Type, StringComparer.Ordinal);

    private static IEnumerable<string> Types(FileInfo pact) => Messages(pact).Select(message => message.Type);

    private static IEnumerable<(string Description, string Type)> Messages(FileInfo pact) =>
        JsonNode.Parse(File.ReadAllText(pact.FullName))!["interactions"]!.AsArray()
            .Select(interaction => ((string)interaction!["description"]!, (string)interaction["contents"]!["content"]!["type"]!));

    /// <summary>The envelope the sandbox would deliver for the incident the message's provider state just created.</summary>
    private static JsonObject LatestEnvelope(ProviderUnderTest provider) =>
        (provider.Atlas.Incidents.All.LastOrDefault() ?? throw new InvalidOperationException("The provider state created no incident.")).ToNotification();

    private static string OneOf(IEnumerable<string> descriptions) => "^(" + string.Join('|', descriptions.Select(Regex.Escape)) + ")$";
}
