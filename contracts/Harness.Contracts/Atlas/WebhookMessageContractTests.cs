using System.Net;

namespace Harness.Contracts.Atlas;

/// <summary>
/// V4 message pact of the webhook receiver: one message per notification type the fakers produce. Each example message
/// is posted to the real receiver (WebhookReceiver → WebhookInbox), which must answer 200 "received" and record it, and
/// its data must read as the client's typed model of that type.
/// </summary>
[Collection(AtlasMessageContractsCollection.Name)]
public sealed class WebhookMessageContractTests(AtlasMessageContractsFixture fixture)
{
    /// <summary>spec: on non-incident types status "is internal and always -1".</summary>
    private const int InternalStatus = -1;

    private static readonly Dictionary<string, Type> DataTypes = new(StringComparer.Ordinal)
    {
        [AtlasEventTypes.EmailScheduleChange] = typeof(EmailScheduleChangeData),
        [AtlasEventTypes.OrderScheduleChange] = typeof(OrderScheduleChangeData),
        [AtlasEventTypes.AbnormalCancelled] = typeof(AbnormalCancelledData),
        [AtlasEventTypes.OrderTicketed] = typeof(OrderTicketedData),
        [AtlasEventTypes.OrderVoid] = typeof(OrderVoidData),
        [AtlasEventTypes.AirlineStatus] = typeof(AirlineStatusData),
        [AtlasEventTypes.EmailAll] = typeof(EmailAllData),
        [AtlasEventTypes.OrderAddonComplete] = typeof(OrderAddonCompleteData),
        [AtlasEventTypes.OrderRefundComplete] = typeof(OrderRefundCompleteData),
    };

    public static TheoryData<string> Types() => [.. AtlasEventTypes.All];

    /// <summary>The content of the <paramref name="type"/> message: the fakers' envelope as matchers.</summary>
    public static object Content(string type, out JsonObject example)
    {
        // One seed per type, so each message's example is the same on every run.
        var fakers = new AtlasFakers(20240401 + AtlasEventTypes.All.ToList().IndexOf(type), new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        example = AtlasShapes.Json(fakers.Notification(type)).AsObject();
        var incident = AtlasEventTypes.Incidents.Contains(type);
        return AtlasShapes.Like(example, new Dictionary<string, Func<JsonNode, object>>
        {
            // The receiver dispatches on type; an incident's status is its confirmation state (0 or 1).
            ["type"] = _ => Match.Equality(type),
            ["status"] = node => incident ? Match.Integer((int)node) : Match.Equality(InternalStatus),
        })!;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task WebhookReceiver_NotificationOfType_AcceptsAndRecordsIt(string type)
    {
        var content = Content(type, out var example);
        using var pact = fixture.NewMessagePact();
        var message = pact.ExpectsToReceive($"an Atlas {type} notification");
        if (AtlasEventTypes.Incidents.Contains(type))
        {
            message = message.Given(AtlasProviderStates.IncidentExists, new Dictionary<string, string> { ["type"] = type });
        }

        await message.WithJsonContent(content).VerifyAsync<JsonElement>(async received =>
        {
            using var body = new StringContent(received.GetRawText(), Encoding.UTF8, "application/json");
            using var response = await fixture.Http.PostAsync(fixture.ReceiverUrl, body);

            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"received\"", "a first delivery is recorded, not a duplicate");
            var recorded = fixture.Inbox.Received.Single(n => n.Type == type);
            recorded.NotificationId.Should().Be((string?)example["notificationId"]);
            recorded.Cid.Should().Be((string?)example["cid"]);
            recorded.Data.Deserialize(DataTypes[type], AtlasJson.Options).Should().NotBeNull();
        });
    }
}
