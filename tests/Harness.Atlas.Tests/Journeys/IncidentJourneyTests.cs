namespace Harness.Atlas.Tests.Journeys;

/// <summary>
/// Register webhook → Atlas raises an incident → the receiver gets it once → the list shows it unconfirmed →
/// confirm → the list shows it confirmed.
/// </summary>
public sealed class IncidentJourneyTests
{
    private static readonly TimeSpan WebhookWait = TimeSpan.FromSeconds(20);

    private static async Task<JsonObject> RaiseIncidentAsync(AtlasHost host, string eventType)
    {
        using var response = await host.Http.PostAsync(
            new Uri(host.AtlasBaseUrl, "_admin/incidents"),
            new StringContent(new JsonObject { ["eventType"] = eventType }.ToJsonString(), Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["records"]!.AsArray().Single()!.AsObject();
    }

    [Fact]
    public async Task ScheduleChangeEmail_FromWebhookToConfirmation()
    {
        // The sandbox delivers every notification twice: the receiver must keep one.
        await using var host = await AtlasHost.StartAsync(new AtlasSandboxOptions { WebhookDeliveryCopies = 2 });
        using var atlas = host.CreateClient();

        await atlas.UpdateWebhookUrlAsync(host.WebhookUrl);
        var raised = await RaiseIncidentAsync(host, AtlasEventTypes.EmailScheduleChange);
        var eventId = raised["eventId"]!.GetValue<string>();
        var notification = await host.Inbox.WaitForAsync(n => n.NotificationId == eventId, WebhookWait);
        await host.Sandbox.WhenDeliveriesCompleteAsync();

        notification.Type.Should().Be(AtlasEventTypes.EmailScheduleChange);
        notification.Status.Should().Be(0, "the incident is unconfirmed");
        notification.Cid.Should().Be(AtlasSandboxOptions.DefaultClientId);
        notification.Data.GetProperty("orderNo").GetString().Should().Be(raised["orderNo"]!.GetValue<string>());
        host.Inbox.Received.Should().ContainSingle();
        host.Inbox.Duplicates.Should().Be(1);

        var before = (await atlas.GetIncidentPageAsync(new IncidentListQuery { EventId = eventId, PageSize = 10 })).Records.Single();
        before.EventStatus.Should().Be(IncidentStatus.Unconfirmed);
        before.Notified.Should().Be(1);
        before.ConfirmTime.Should().BeNull();

        var confirmation = new AtlasFakers(42, DateTimeOffset.UtcNow).EmailScheduleChangeConfirmation(eventId, EmailScheduleChangeResult.FlightChange);
        await atlas.ConfirmEmailScheduleChangeEventAsync(confirmation);

        var after = (await atlas.GetIncidentPageAsync(new IncidentListQuery { EventId = eventId, EventStatus = [IncidentStatus.Confirmed], PageSize = 10 })).Records.Single();
        after.EventStatus.Should().Be(IncidentStatus.Confirmed);
        after.ConfirmedResult.Should().Be("FLIGHT_CHANGE");
        after.ConfirmedRemark.Should().Be(confirmation.Remark);
        after.ConfirmTime.Should().NotBeNull().And.BeOnOrAfter(before.EventTime!.Value);
        after.ConfirmUsr.Should().Be(AtlasSandboxOptions.DefaultClientId);
    }

    [Fact]
    public async Task UnaccountedCancellation_FromWebhookToConfirmation()
    {
        await using var host = await AtlasHost.StartAsync();
        using var atlas = host.CreateClient();

        await atlas.UpdateWebhookUrlAsync(host.WebhookUrl);
        var raised = await RaiseIncidentAsync(host, AtlasEventTypes.AbnormalCancelled);
        var eventId = raised["eventId"]!.GetValue<string>();
        var notification = await host.Inbox.WaitForAsync(n => n.NotificationId == eventId, WebhookWait);

        // Atlas may repeat itself ("best possible basis"): the same envelope posted again is ignored.
        using (var repeat = await host.Http.PostAsync(host.WebhookUrl, new StringContent(
            host.Sandbox.FindIncident(eventId)!.ToNotification().ToJsonString(), Encoding.UTF8, "application/json")))
        {
            repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        notification.Type.Should().Be(AtlasEventTypes.AbnormalCancelled);
        notification.Data.GetProperty("vendorRefundInformation").GetString().Should().BeOneOf("FULLY", "Cancelled");
        host.Inbox.Received.Should().ContainSingle();
        host.Inbox.Duplicates.Should().Be(1);

        var unconfirmed = await atlas.GetIncidentPageAsync(new IncidentListQuery
        {
            EventType = AtlasEventTypes.AbnormalCancelled,
            EventStatus = [IncidentStatus.Unconfirmed],
            PageSize = 10,
        });
        unconfirmed.Records.Should().ContainSingle().Which.EventId.Should().Be(eventId);

        await atlas.ConfirmAbnormalCancelledEventAsync(new AbnormalCancelledConfirmation
        {
            EventId = eventId,
            Result = AbnormalCancelledResult.PassengerCancellation,
            Remark = "passenger cancelled with the airline directly",
        });

        var confirmed = (await atlas.GetIncidentPageAsync(new IncidentListQuery { EventId = eventId, PageSize = 10 })).Records.Single();
        confirmed.EventStatus.Should().Be(IncidentStatus.Confirmed);
        confirmed.ConfirmedResult.Should().Be("PASSENGER_CANCELLATION");
        confirmed.ConfirmedRemark.Should().Be("passenger cancelled with the airline directly");
        confirmed.ConfirmTime.Should().NotBeNull();
        (await atlas.GetIncidentPageAsync(new IncidentListQuery { EventStatus = [IncidentStatus.Unconfirmed], PageSize = 10 })).Total.Should().Be(0);
    }

    [Fact]
    public async Task StructuredScheduleChange_ConfirmEventDerivesTheResultFromTheChangeType()
    {
        await using var host = await AtlasHost.StartAsync();
        using var atlas = host.CreateClient();

        await atlas.UpdateWebhookUrlAsync(host.WebhookUrl);
        var eventId = (await RaiseIncidentAsync(host, AtlasEventTypes.OrderScheduleChange))["eventId"]!.GetValue<string>();
        var notification = await host.Inbox.WaitForAsync(n => n.NotificationId == eventId, WebhookWait);
        var change = JsonSerializer.Deserialize<OrderScheduleChangeData>(notification.Data.GetRawText(), AtlasJson.Options)!;

        await atlas.ConfirmEventAsync(new EventConfirmation { EventId = eventId, Remark = "rebooked" });

        var confirmed = (await atlas.GetIncidentPageAsync(new IncidentListQuery { EventId = eventId, PageSize = 1 })).Records.Single();
        confirmed.EventStatus.Should().Be(IncidentStatus.Confirmed);
        confirmed.ConfirmedResult.Should().Be(change.ScheduleChangeType == 2 ? "FLIGHT_CANCELED" : "FLIGHT_CHANGE");
        change.PreviousSegs.Should().ContainSingle();
    }
}
