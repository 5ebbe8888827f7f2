namespace Harness.Atlas.Tests.Webhooks;

public sealed class WebhookReceiverTests
{
    private const string EmailScheduleChange =
        """{"cid":"xxxxxxxxxx","type":"email.schedulechange","notificationId":"20230323113246035DNIDD","status":0,"data":{"orderNo":"TESTS20230323103458265","emailSubject":"IMPORTANT: Flight delay notice. Confirmation Code KDK7QG","emailLink":"https://theatlas/#/email-detail/4378270"}}""";

    private static async Task<HttpResponseMessage> PostAsync(AtlasHost host, string json) =>
        await host.Http.PostAsync(host.WebhookUrl, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Receive_WhenEnvelopeIsValid_Answers200AndRecordsIt()
    {
        await using var host = await AtlasHost.StartAsync();

        using var response = await PostAsync(host, EmailScheduleChange);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = host.Inbox.Received.Should().ContainSingle().Which;
        received.Type.Should().Be("email.schedulechange");
        received.NotificationId.Should().Be("20230323113246035DNIDD");
        received.Cid.Should().Be("xxxxxxxxxx");
        received.Status.Should().Be(0);
        received.Data.GetProperty("orderNo").GetString().Should().Be("TESTS20230323103458265");
        host.Inbox.Pending.TryRead(out var pending).Should().BeTrue();
        pending.Should().BeSameAs(received);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"type\":")]
    [InlineData("[]")]
    [InlineData("""{"cid":"c","notificationId":"N1","status":0,"data":{}}""")]
    [InlineData("""{"cid":"c","type":"","notificationId":"N1","status":0,"data":{}}""")]
    [InlineData("""{"cid":"c","type":"abnormal.cancelled","status":0,"data":{"orderNo":"X"}}""")]
    [InlineData("""{"cid":"c","type":"abnormal.cancelled","notificationId":42,"status":0,"data":{}}""")]
    [InlineData("""{"cid":"c","type":"abnormal.cancelled","notificationId":"N1","status":"0","data":{}}""")]
    [InlineData("""{"cid":"c","type":"abnormal.cancelled","notificationId":"N1","data":{}}""")]
    [InlineData("""{"cid":"c","type":"abnormal.cancelled","notificationId":"N1","status":0,"data":"FULLY"}""")]
    [InlineData("""{"cid":"c","type":"order.ticketed","status":-1}""")]
    [InlineData("""{"cid":7,"type":"order.ticketed","status":-1,"data":{}}""")]
    public async Task Receive_WhenPayloadMalformed_Answers400AndRecordsNothing(string json)
    {
        await using var host = await AtlasHost.StartAsync();

        using var response = await PostAsync(host, json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("error");
        host.Inbox.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Receive_When20DuplicatesArriveConcurrently_RecordsOneAndCountsNineteen()
    {
        await using var host = await AtlasHost.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(host, EmailScheduleChange)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses)
            response.Dispose();
        host.Inbox.Received.Should().ContainSingle();
        host.Inbox.Duplicates.Should().Be(19);
    }

    [Fact]
    public async Task Receive_WhenTypeHasNoNotificationId_DeduplicatesOnThePayload()
    {
        await using var host = await AtlasHost.StartAsync();
        const string ActiveStatus = """{"type":"airline.status","status":-1,"data":{"airline":["IU"],"airlineStatus":"Active"}}""";
        const string Maintenance = """{"type":"airline.status","status":-1,"data":{"airline":["IU"],"airlineStatus":"Maintenance"}}""";

        (await PostAsync(host, ActiveStatus)).Dispose();
        (await PostAsync(host, ActiveStatus)).Dispose();
        (await PostAsync(host, Maintenance)).Dispose();

        host.Inbox.Received.Select(n => n.Data.GetProperty("airlineStatus").GetString()).Should().Equal("Active", "Maintenance");
        host.Inbox.Duplicates.Should().Be(1);
    }

    [Fact]
    public async Task Receive_WhenLegacyRefundIsFlat_TreatsTheBodyAsData()
    {
        await using var host = await AtlasHost.StartAsync();

        using var response = await PostAsync(host, """{"cid":"c","type":"order.refundComplete","status":-1,"orderNo":"ABCDE20230101000000000","refundStatus":2}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Inbox.Received.Single().Data.GetProperty("refundStatus").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task WaitForAsync_WhenNothingMatches_ThrowsTimeoutListingWhatArrived()
    {
        var inbox = new WebhookInbox();
        inbox.TryRecord(new AtlasWebhookNotification("c", "order.void", null, -1, JsonSerializer.SerializeToElement(new { orderNo = "X" }), DateTimeOffset.UnixEpoch));

        var act = () => inbox.WaitForAsync(n => n.Type == "abnormal.cancelled", TimeSpan.FromMilliseconds(50));

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("order.void");
    }

    [Fact]
    public async Task WaitForAsync_WhenMatchArrivesLater_ReturnsIt()
    {
        var inbox = new WebhookInbox();
        var waiting = inbox.WaitForAsync(n => n.NotificationId == "N2", TimeSpan.FromSeconds(30));

        inbox.TryRecord(new AtlasWebhookNotification("c", "abnormal.cancelled", "N1", 0, JsonSerializer.SerializeToElement(new { }), DateTimeOffset.UnixEpoch));
        inbox.TryRecord(new AtlasWebhookNotification("c", "abnormal.cancelled", "N2", 0, JsonSerializer.SerializeToElement(new { }), DateTimeOffset.UnixEpoch));

        (await waiting).NotificationId.Should().Be("N2");
    }

    [Fact]
    public async Task Receive_AcceptsEveryFakedNotificationType()
    {
        await using var host = await AtlasHost.StartAsync();
        var fakers = new AtlasFakers(7, new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero));

        foreach (var type in AtlasEventTypes.All)
        {
            var json = JsonSerializer.Serialize(fakers.Notification(type), AtlasJson.Options);
            using var response = await PostAsync(host, json);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{type}: {json}");
        }

        host.Inbox.Received.Select(n => n.Type).Should().Equal(AtlasEventTypes.All);
    }

    [Fact]
    public void Assembly_DependsOnNoSandbox_SoPartnersCanReferenceIt()
    {
        var references = typeof(WebhookInbox).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        references.Should().NotContain(name => name!.StartsWith("Harness.Sandbox", StringComparison.Ordinal) || name.StartsWith("Harness.TestData", StringComparison.Ordinal));
    }
}
