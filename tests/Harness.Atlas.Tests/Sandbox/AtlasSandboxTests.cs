namespace Harness.Atlas.Tests.Sandbox;

public sealed class AtlasSandboxTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoParams = new Dictionary<string, JsonElement>();

    private static Dictionary<string, JsonElement> Params(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    [Fact]
    public async Task ApplyProviderState_IncidentExists_StoresTheIncidentWithTheGivenIdAndType()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient();

        var produced = host.Sandbox.ApplyProviderState(AtlasProviderStates.IncidentExists, Params(new { eventId = "20230906014000568DRLNX", type = "abnormal.cancelled" }));
        var page = await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10, EventId = "20230906014000568DRLNX" });

        produced["eventId"].Should().Be("20230906014000568DRLNX");
        page.Records.Should().ContainSingle().Which.EventType.Should().Be(AtlasEventTypes.AbnormalCancelled);
        host.Sandbox.DeliveryLog.Should().BeEmpty("provider states notify nobody");
    }

    [Fact]
    public async Task ApplyProviderState_IncidentExistsConfirmed_ListsItWithConfirmFields()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient();

        host.Sandbox.ApplyProviderState(AtlasProviderStates.IncidentExists, Params(new { type = "email.schedulechange", eventStatus = 1, confirmedResult = "NO_SCHEDULE_CHANGE" }));
        var confirmed = (await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10, EventStatus = [IncidentStatus.Confirmed] })).Records;

        var incident = confirmed.Should().ContainSingle().Which;
        incident.ConfirmedResult.Should().Be("NO_SCHEDULE_CHANGE");
        incident.ConfirmTime.Should().NotBeNull();
    }

    [Fact]
    public void ApplyProviderState_WhenEventStatusOutOfRange_ThrowsNamingIt()
    {
        using var sandbox = new AtlasSandbox();

        var act = () => sandbox.ApplyProviderState(AtlasProviderStates.IncidentExists, Params(new { eventStatus = 7 }));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("eventStatus");
    }

    [Fact]
    public async Task ApplyProviderState_CredentialsInvalid_Answers900UntilTeardown()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient();
        var query = new IncidentListQuery { PageSize = 10 };

        host.Sandbox.ApplyProviderState(AtlasProviderStates.CredentialsInvalid, NoParams);
        var act = () => client.GetIncidentPageAsync(query);
        await act.Should().ThrowAsync<AtlasAuthorizationException>();
        host.Sandbox.TeardownProviderState(AtlasProviderStates.CredentialsInvalid, NoParams);

        (await client.GetIncidentPageAsync(query)).Total.Should().Be(0);
    }

    [Fact]
    public void ApplyProviderState_WebhookRegistered_RegistersTheUrlAndTeardownForgetsIt()
    {
        using var sandbox = new AtlasSandbox();

        sandbox.ApplyProviderState(AtlasProviderStates.WebhookRegistered, Params(new { url = "http://127.0.0.1:5999/hook" }));
        var registered = sandbox.WebhookUrlOf(AtlasSandboxOptions.DefaultClientId);
        sandbox.ApplyProviderState(AtlasProviderStates.IncidentExists, NoParams);
        sandbox.TeardownProviderState(AtlasProviderStates.WebhookRegistered, NoParams);

        registered.Should().Be(new Uri("http://127.0.0.1:5999/hook"));
        sandbox.WebhookUrlOf(AtlasSandboxOptions.DefaultClientId).Should().BeNull();
        sandbox.Incidents.All.Should().BeEmpty();
    }

    [Fact]
    public void ApplyProviderState_WhenStateUnknown_ThrowsNamingItAndTheKnownStates()
    {
        using var sandbox = new AtlasSandbox();

        var act = () => sandbox.ApplyProviderState("a flight exists", NoParams);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("a flight exists").And.Contain(AtlasProviderStates.IncidentExists);
    }

    [Theory]
    [InlineData("https://partner.example.com/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("file:///tmp/hook")]
    public void RegisterWebhook_WhenNotLoopback_Throws(string url)
    {
        using var sandbox = new AtlasSandbox();

        var act = () => sandbox.RegisterWebhook(AtlasSandboxOptions.DefaultClientId, new Uri(url));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("webhook url");
    }

    [Fact]
    public void RegisterWebhook_WhenNonLoopbackOptedIn_Accepts()
    {
        using var sandbox = new AtlasSandbox(new AtlasSandboxOptions { AllowNonLoopbackWebhooks = true });

        sandbox.RegisterWebhook(AtlasSandboxOptions.DefaultClientId, new Uri("https://partner.example.com/hook"));

        sandbox.WebhookUrlOf(AtlasSandboxOptions.DefaultClientId).Should().Be(new Uri("https://partner.example.com/hook"));
    }

    [Fact]
    public async Task Webhook_WhenReceiverAlwaysFails_StopsAfterMaxAttempts()
    {
        var calls = 0;
        var options = new AtlasSandboxOptions { WebhookMaxAttempts = 3, WebhookInitialBackoff = TimeSpan.FromMilliseconds(10) };
        await using var host = await AtlasHost.StartAsync(options, app => app.MapPost("/failing", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }));
        host.Sandbox.RegisterWebhook(AtlasSandboxOptions.DefaultClientId, new Uri(host.Root, "failing"));

        var incident = host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.EmailScheduleChange, AtlasSandboxOptions.DefaultClientId));
        await host.Sandbox.WhenDeliveriesCompleteAsync();

        calls.Should().Be(3);
        host.Sandbox.DeliveryLog.Select(a => (a.Attempt, a.HttpStatus)).Should().Equal((1, 500), (2, 500), (3, 500));
        host.Sandbox.FindIncident(incident.EventId)!.Notified.Should().Be(0);
    }

    [Fact]
    public async Task Webhook_WhenReceiverRecoversOnThirdTry_DeliversAndMarksNotified()
    {
        var calls = 0;
        var options = new AtlasSandboxOptions { WebhookMaxAttempts = 4, WebhookInitialBackoff = TimeSpan.FromMilliseconds(10) };
        await using var host = await AtlasHost.StartAsync(options, app => app.MapPost("/flaky", () =>
            Interlocked.Increment(ref calls) < 3 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok()));
        host.Sandbox.RegisterWebhook(AtlasSandboxOptions.DefaultClientId, new Uri(host.Root, "flaky"));

        var incident = host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId));
        await host.Sandbox.WhenDeliveriesCompleteAsync();

        calls.Should().Be(3, "delivery stops at the first success");
        host.Sandbox.DeliveryLog.Last().Succeeded.Should().BeTrue();
        host.Sandbox.FindIncident(incident.EventId)!.Notified.Should().Be(1);
    }

    [Fact]
    public async Task Webhook_WhenReceiverIsDown_RecordsErrorsAndStops()
    {
        var options = new AtlasSandboxOptions { WebhookMaxAttempts = 2, WebhookInitialBackoff = TimeSpan.FromMilliseconds(10) };
        await using var host = await AtlasHost.StartAsync(options);
        // Port 9 (discard) on loopback: nothing listens, so every connect is refused.
        host.Sandbox.RegisterWebhook(AtlasSandboxOptions.DefaultClientId, new Uri("http://127.0.0.1:9/hook"));

        host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.OrderScheduleChange, AtlasSandboxOptions.DefaultClientId));
        await host.Sandbox.WhenDeliveriesCompleteAsync();

        host.Sandbox.DeliveryLog.Should().HaveCount(2).And.OnlyContain(a => a.HttpStatus == null && a.Error != null);
    }

    [Fact]
    public void Options_WhenRetryCountUnbounded_ThrowsNamingTheSetting()
    {
        var act = () => new AtlasSandbox(new AtlasSandboxOptions { WebhookMaxAttempts = 1000 });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("WebhookMaxAttempts");
    }

    [Theory]
    [InlineData("email.schedulechange")]
    [InlineData("order.schedulechange")]
    [InlineData("abnormal.cancelled")]
    public void GenerateIncident_WithTheSameSeedAndClock_IsTheFakersIncident(string type)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero));
        using var sandbox = new AtlasSandbox(new AtlasSandboxOptions { Seed = 77, TimeProvider = clock });
        var fakers = new AtlasFakers(77, clock);

        var generated = sandbox.GenerateIncident(type, AtlasSandboxOptions.DefaultClientId);
        var expected = fakers.Incident(type, clock.GetUtcNow());

        generated.EventId.Should().Be(expected.EventId);
        generated.OrderNo.Should().Be(expected.OrderNo);
        generated.PaxName.Should().Be(expected.PaxName);
        generated.ClientCode.Should().Be(AtlasSandboxOptions.DefaultClientCode, "the incident belongs to the sandbox's client");
        generated.Data.GetRawText().Should().Be(fakers.NotificationFor(expected with { ClientCode = AtlasSandboxOptions.DefaultClientCode }).Data.GetRawText());
    }

    [Fact]
    public void GenerateIncident_WhenDraftGivesOrderAndFlight_PayloadAgreesWithThem()
    {
        using var sandbox = new AtlasSandbox();

        var incident = sandbox.GenerateIncident(AtlasEventTypes.OrderScheduleChange, AtlasSandboxOptions.DefaultClientId, new JsonObject
        {
            ["orderNo"] = "HCNMN20230227142411968",
            ["airline"] = "QZ",
            ["depTime"] = "2023-05-02 08:00:00",
        });
        var data = JsonSerializer.Deserialize<AtlasNotification>(incident.ToNotification().ToJsonString(), AtlasJson.Options)!.DataAs<OrderScheduleChangeData>();

        incident.SubOrderNo.Should().Be("HCNMN20230227142411968_1");
        data.OrderNo.Should().Be("HCNMN20230227142411968");
        data.OriginalSegs.Should().ContainSingle().Which.Should().Match<ScheduleChangeSegment>(s => s.Carrier == "QZ" && s.DepTime == new DateTime(2023, 5, 2, 8, 0, 0));
    }

    [Fact]
    public void GenerateIncident_WhenTheGeneratedIdIsTaken_DrawsAnother()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 4, 1, 8, 0, 0, TimeSpan.Zero));
        using var first = new AtlasSandbox(new AtlasSandboxOptions { Seed = 5, TimeProvider = clock });
        using var second = new AtlasSandbox(new AtlasSandboxOptions { Seed = 5, TimeProvider = clock });
        var taken = first.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId);
        second.AddIncident(taken, notify: false);

        var next = second.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId);

        next.EventId.Should().NotBe(taken.EventId).And.StartWith(taken.EventId[..17]);
    }

    [Fact]
    public void SandboxClient_ToString_HidesTheSecret()
    {
        var client = new AtlasSandboxClient("id-1", "very-secret", "TAC1");

        client.ToString().Should().Contain("id-1").And.NotContain("very-secret");
    }
}
