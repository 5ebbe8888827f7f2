namespace Harness.Contracts.Atlas;

/// <summary>POST /event/getPageList.do: the Incident List (pageSize required).</summary>
public sealed class IncidentListContractTests(AtlasContractsFixture fixture) : AtlasContractTest(fixture)
{
    private const string What = "a request for the incident list";
    private const int PageSize = 20;
    private static readonly Dictionary<string, Func<JsonNode, object>> Pins = new() { ["eventType"] = AtlasShapes.OneOf(AtlasEventTypes.Incidents.ToArray()) };

    private static IncidentListQuery Query(string eventId) => new()
    {
        EventId = eventId,
        EventType = AtlasEventTypes.EmailScheduleChange,
        EventStatus = [IncidentStatus.Unconfirmed],
        PageIndex = 1,
        PageSize = PageSize,
    };

    [Fact]
    public async Task GetIncidentPageAsync_IncidentExists_ReturnsItsRecord()
    {
        var incident = Fakers.Incident(AtlasEventTypes.EmailScheduleChange);
        Expect(What, AtlasClient.IncidentListPath, AtlasShapes.Json(Query(incident.EventId)), Pins, Incident(incident.EventId, incident.EventType))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Page(incident, PageSize));

        await VerifyAsync(async client =>
        {
            var page = await client.GetIncidentPageAsync(Query(incident.EventId));

            page.Total.Should().Be(1);
            page.Records.Should().ContainSingle();
            var record = page.Records[0];
            record.EventId.Should().Be(incident.EventId);
            record.EventType.Should().Be(AtlasEventTypes.EmailScheduleChange);
            record.EventStatus.Should().Be(IncidentStatus.Unconfirmed);
            record.EventTime.Should().Be(incident.EventTime, "the Atlas date is read back in UTC+08:00");
            record.DepTime.Should().Be(incident.DepTime);
            record.Pnr.Should().Be(incident.Pnr);
        });
    }

    [Fact]
    public async Task GetIncidentPageAsync_UnknownEventId_ReturnsEmptyPage()
    {
        Expect($"{What} for an unknown eventId", AtlasClient.IncidentListPath, AtlasShapes.Json(Query(UnknownEventId)), Pins)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.EmptyPage(PageSize));

        await VerifyAsync(async client =>
        {
            var page = await client.GetIncidentPageAsync(Query(UnknownEventId));

            page.Total.Should().Be(0);
            page.Records.Should().BeEmpty();
        });
    }

    [Fact]
    public async Task GetIncidentPageAsync_RefusedCredentials_ThrowsAuthorization900() =>
        await ExpectUnauthorizedAsync(What, AtlasClient.IncidentListPath, AtlasShapes.Json(Query(UnknownEventId)), client => client.GetIncidentPageAsync(Query(UnknownEventId)), Pins);

    [Fact]
    public async Task GetIncidentPageAsync_PageSizeMissing_ThrowsRequestRejected100() =>
        await ExpectMissingFieldAsync(What, AtlasClient.IncidentListPath, AtlasShapes.Json(Query(UnknownEventId)), "pageSize", client => client.GetIncidentPageAsync(Query(UnknownEventId)), Pins);

    [Fact]
    public async Task GetIncidentPageAsync_OverRequestLimit_ThrowsRateLimitedWithRetryAfter() =>
        await ExpectRateLimitedAsync(What, AtlasClient.IncidentListPath, AtlasShapes.Json(Query(UnknownEventId)), client => client.GetIncidentPageAsync(Query(UnknownEventId)), Pins);
}
