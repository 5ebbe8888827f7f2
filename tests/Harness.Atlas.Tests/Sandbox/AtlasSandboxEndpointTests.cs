namespace Harness.Atlas.Tests.Sandbox;

public sealed class AtlasSandboxEndpointTests
{
    [Fact]
    public async Task GetPageList_WhenCredentialsMissing_AnswersStatus900WithHttp200()
    {
        await using var host = await AtlasHost.StartAsync();

        var (http, body) = await host.PostAtlasAsync("event/getPageList.do", """{"pageSize":10}""", withCredentials: false);

        http.Should().Be(HttpStatusCode.OK);
        body["status"]!.GetValue<int>().Should().Be(900);
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenSecretIsWrong_ThrowsAuthorization900()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient(secret: "not-the-secret");

        var act = () => client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10 });

        (await act.Should().ThrowAsync<AtlasAuthorizationException>()).Which.Status.Should().Be(AtlasStatus.UnauthorizedAccess);
    }

    [Fact]
    public async Task GetPageList_WhenPageSizeMissing_AnswersStatus100()
    {
        await using var host = await AtlasHost.StartAsync();

        var (_, body) = await host.PostAtlasAsync("event/getPageList.do", """{"eventId":"","pageIndex":1}""");

        body["status"]!.GetValue<int>().Should().Be(100);
        body["msg"]!.GetValue<string>().Should().Contain("pageSize");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"pageSize":"ten"}""")]
    [InlineData("""{"pageSize":10,"eventStatus":[2]}""")]
    [InlineData("""{"pageSize":10,"eventTimeStart":"2023-04-01T00:00:00Z"}""")]
    public async Task GetPageList_WhenBodyIsIllegal_AnswersStatus901(string json)
    {
        await using var host = await AtlasHost.StartAsync();

        var (_, body) = await host.PostAtlasAsync("event/getPageList.do", json);

        body["status"]!.GetValue<int>().Should().Be(901);
    }

    [Fact]
    public async Task ConfirmEventAsync_WhenEventIdUnknown_ThrowsSystemErrorStatus2()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient();

        var act = () => client.ConfirmEventAsync(new EventConfirmation { EventId = "20230101000000000NOSUCH" });

        var thrown = (await act.Should().ThrowAsync<AtlasSystemErrorException>()).Which;
        thrown.Status.Should().Be(AtlasStatus.SystemError);
        thrown.AtlasMessage.Should().Contain("20230101000000000NOSUCH");
    }

    [Fact]
    public async Task ConfirmAbnormalCancelledEventAsync_WhenIncidentIsAnotherType_FailsAndLeavesItUnconfirmed()
    {
        await using var host = await AtlasHost.StartAsync();
        using var client = host.CreateClient();
        var incident = host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.EmailScheduleChange, AtlasSandboxOptions.DefaultClientId), notify: false);

        var act = () => client.ConfirmAbnormalCancelledEventAsync(new AbnormalCancelledConfirmation { EventId = incident.EventId, Result = AbnormalCancelledResult.NoCancellation });

        await act.Should().ThrowAsync<AtlasSystemErrorException>();
        host.Sandbox.FindIncident(incident.EventId)!.EventStatus.Should().Be(0);
    }

    [Theory]
    [InlineData("event/confirmEmailScheduleChangeEvent.do", """{"eventId":"E1"}""", 100)]
    [InlineData("event/confirmEmailScheduleChangeEvent.do", """{"eventId":"E1","result":"MAYBE"}""", 901)]
    [InlineData("event/confirmEmailScheduleChangeEvent.do", """{"eventId":"E1","result":"FLIGHT_CHANGE","changedFlights":[{"newFlightNo":"IU1"}]}""", 100)]
    [InlineData("event/confirmAbnormalCancelledEvent.do", """{"event":"E1","result":"NO_CANCELLATION"}""", 100)]
    [InlineData("event/confirmEvent.do", """{"remark":"no id"}""", 100)]
    [InlineData("updateWebhookURL.do", """{"cid":"x"}""", 100)]
    [InlineData("updateWebhookURL.do", """{"url":"https://partner.example.com/hook"}""", 901)]
    public async Task Endpoints_WhenBodyIncompleteOrWrong_AnswerTheDocumentedStatus(string path, string json, int expected)
    {
        await using var host = await AtlasHost.StartAsync();

        var (_, body) = await host.PostAtlasAsync(path, json);

        body["status"]!.GetValue<int>().Should().Be(expected, body["msg"]?.ToString());
    }

    [Fact]
    public async Task GetIncidentPageAsync_FiltersByEveryField()
    {
        await using var host = await AtlasHost.StartAsync();
        var sandbox = host.Sandbox;
        var baseTime = new DateTimeOffset(2023, 4, 10, 12, 0, 0, TimeSpan.FromHours(8));
        var target = sandbox.AddIncident(sandbox.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId, new JsonObject
        {
            ["orderNo"] = "TARGT20230301000000000",
            ["airline"] = "QZ",
            ["pnr"] = "ABC123",
            ["paxName"] = "SOWERS/REBECCA,STEPHENS/DAVID",
            ["paxEmail"] = "rebecca@example.com",
            ["eventTime"] = "2023-04-10 12:00:00",
            ["depTime"] = "2023-05-02 08:00:00",
        }), notify: false);
        for (var i = 0; i < 5; i++)
        {
            sandbox.AddIncident(sandbox.GenerateIncident(AtlasEventTypes.Incidents[i % 3], AtlasSandboxOptions.DefaultClientId, new JsonObject
            {
                ["airline"] = "IU",
                ["eventTime"] = AtlasJson.FormatEventTime(baseTime.AddDays(-10 - i)),
                ["depTime"] = "2023-06-01 08:00:00",
            }), notify: false);
        }

        using var client = host.CreateClient();
        var queries = new IncidentListQuery[]
        {
            new() { PageSize = 100, EventId = target.EventId },
            new() { PageSize = 100, OrderNo = "TARGT20230301000000000" },
            new() { PageSize = 100, Airline = "QZ" },
            new() { PageSize = 100, Pnr = "ABC123" },
            new() { PageSize = 100, PaxName = "stephens" },
            new() { PageSize = 100, PaxEmail = "rebecca@example.com" },
            new() { PageSize = 100, EventTimeStart = baseTime.AddDays(-1), EventTimeEnd = baseTime.AddDays(1) },
            new() { PageSize = 100, DepTimeStart = new DateTime(2023, 5, 1), DepTimeEnd = new DateTime(2023, 5, 3) },
            new() { PageSize = 100, EventType = AtlasEventTypes.AbnormalCancelled, EventTimeStart = baseTime.AddHours(-1) },
        };

        foreach (var query in queries)
        {
            var page = await client.GetIncidentPageAsync(query);
            page.Records.Should().ContainSingle(query.ToString()).Which.EventId.Should().Be(target.EventId);
        }

        (await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 100, Airline = "IU" })).Total.Should().Be(5);
        (await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 100, EventStatus = [IncidentStatus.Confirmed] })).Total.Should().Be(0);
        (await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 100, EventStatus = [IncidentStatus.Unconfirmed] })).Total.Should().Be(6);
    }

    [Fact]
    public async Task GetIncidentPageAsync_PagesNewestFirstWithTotals()
    {
        await using var host = await AtlasHost.StartAsync();
        var start = new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var draft = new JsonObject { ["eventTime"] = AtlasJson.FormatEventTime(start.AddHours(i)) };
            ids.Add(host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.EmailScheduleChange, AtlasSandboxOptions.DefaultClientId, draft), notify: false).EventId);
        }

        using var client = host.CreateClient();
        var second = await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 3, PageIndex = 2 });
        var beyond = await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 3, PageIndex = 4 });
        var all = new List<Incident>();
        await foreach (var incident in client.GetAllIncidentsAsync(new IncidentListQuery { PageSize = 3 }))
            all.Add(incident);

        second.Total.Should().Be(7);
        second.PageIndex.Should().Be(2);
        second.Records.Select(r => r.EventId).Should().Equal(ids[3], ids[2], ids[1]);
        beyond.Records.Should().BeEmpty();
        all.Select(r => r.EventId).Should().Equal(Enumerable.Reverse(ids));
    }

    [Fact]
    public async Task GetIncidentPageAsync_DoesNotListAnotherClientsIncidents()
    {
        var options = new AtlasSandboxOptions
        {
            Clients = [new(AtlasSandboxOptions.DefaultClientId, AtlasSandboxOptions.DefaultClientSecret, "TAC00001"), new("other-client", "other-secret", "TAC00002")],
        };
        await using var host = await AtlasHost.StartAsync(options);
        host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.EmailScheduleChange, "other-client"), notify: false);
        using var client = host.CreateClient();
        using var other = host.CreateClient("other-client", "other-secret");

        (await client.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10 })).Total.Should().Be(0);
        (await other.GetIncidentPageAsync(new IncidentListQuery { PageSize = 10 })).Records.Should().ContainSingle().Which.ClientCode.Should().Be("TAC00002");
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenRateLimitExceeded_ThrowsRateLimitedUntilTheWindowPasses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await AtlasHost.StartAsync(new AtlasSandboxOptions { TimeProvider = clock, RateLimit = new AtlasSandboxRateLimit(2, TimeSpan.FromSeconds(60)) });
        using var client = host.CreateClient();
        using var intruder = host.CreateClient(secret: "wrong");
        var query = new IncidentListQuery { PageSize = 10 };

        await FluentActions.Awaiting(() => intruder.GetIncidentPageAsync(query)).Should().ThrowAsync<AtlasAuthorizationException>();
        await client.GetIncidentPageAsync(query);
        clock.Advance(TimeSpan.FromSeconds(20));
        await client.GetIncidentPageAsync(query);
        var limited = (await FluentActions.Awaiting(() => client.GetIncidentPageAsync(query)).Should().ThrowAsync<AtlasRateLimitedException>()).Which;
        clock.Advance(TimeSpan.FromSeconds(40));
        var afterWindow = await client.GetIncidentPageAsync(query);

        limited.RetryAfter.Should().Be(TimeSpan.FromSeconds(40), "the oldest request leaves the 60 s window 40 s later");
        limited.Limit.Should().Be(2);
        afterWindow.Total.Should().Be(0);
    }

    [Fact]
    public async Task AdminIncidents_WhenBodyEmpty_CreatesOneUnconfirmedEmailScheduleChange()
    {
        await using var host = await AtlasHost.StartAsync();

        using var response = await host.Http.PostAsync(new Uri(host.AtlasBaseUrl, "_admin/incidents"), new StringContent(""));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var record = body["records"]!.AsArray().Single()!.AsObject();
        record["eventType"]!.GetValue<string>().Should().Be("email.schedulechange");
        record["eventStatus"]!.GetValue<int>().Should().Be(0);
        record["eventId"]!.GetValue<string>().Should().MatchRegex("^[0-9]{17}[A-Z]{5}$");
        host.Sandbox.Incidents.All.Should().ContainSingle();
    }

    [Theory]
    [InlineData("""{"eventType":"order.ticketed"}""")]
    [InlineData("""{"count":0}""")]
    [InlineData("""{"clientId":"nobody"}""")]
    [InlineData("""{"data":[1]}""")]
    [InlineData("""{"eventTime":"yesterday"}""")]
    [InlineData("{")]
    public async Task AdminIncidents_WhenBodyIsWrong_Answers400AndCreatesNothing(string json)
    {
        await using var host = await AtlasHost.StartAsync();

        using var response = await host.Http.PostAsync(new Uri(host.AtlasBaseUrl, "_admin/incidents"), new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("msg");
        host.Sandbox.Incidents.All.Should().BeEmpty();
    }

    [Fact]
    public async Task AdminIncidents_WhenCallerIsNotLoopback_Answers403AndCreatesNothing()
    {
        // Kestrel here only listens on loopback, so the test rewrites the caller's address before routing.
        await using var host = await AtlasHost.StartAsync(configure: app => app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            return next(context);
        }));

        using var response = await host.Http.PostAsync(new Uri(host.AtlasBaseUrl, "_admin/incidents"), new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        host.Sandbox.Incidents.All.Should().BeEmpty();
    }

    [Fact]
    public async Task AtlasClient_WhenSharedByConcurrentCallers_AnswersEachCorrectly()
    {
        await using var host = await AtlasHost.StartAsync();
        var incidents = Enumerable.Range(0, 16)
            .Select(_ => host.Sandbox.AddIncident(host.Sandbox.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId), notify: false))
            .ToList();
        using var client = host.CreateClient();

        var pages = await Task.WhenAll(incidents.Select(i => client.GetIncidentPageAsync(new IncidentListQuery { EventId = i.EventId, PageSize = 5 })));

        pages.Select(p => p.Records.Single().EventId).Should().Equal(incidents.Select(i => i.EventId));
    }
}
