namespace Harness.Contracts.Atlas;

/// <summary>
/// The three confirm endpoints share their outcomes: 0 for a stored incident of the endpoint's type, 2 ("System error",
/// the only failure they document) for an unknown eventId, 900, 100 without eventId, and HTTP 429.
/// </summary>
public abstract class ConfirmContractTests(AtlasContractsFixture fixture) : AtlasContractTest(fixture)
{
    /// <summary>A stored incident's id, in Atlas's shape.</summary>
    protected const string EventId = "20240401003644225YJQGR";

    protected abstract string Path { get; }

    protected abstract string IncidentType { get; }

    protected abstract string What { get; }

    protected virtual IReadOnlyDictionary<string, Func<JsonNode, object>>? Pins => null;

    protected abstract object Confirmation(string eventId);

    protected abstract Task ConfirmAsync(AtlasClient client, string eventId);

    [Fact]
    public async Task ConfirmAsync_IncidentExists_Succeeds()
    {
        Expect(What, Path, AtlasShapes.Json(Confirmation(EventId)), Pins, Incident(EventId, IncidentType))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Success());

        await VerifyAsync(async client => await FluentActions.Awaiting(() => ConfirmAsync(client, EventId)).Should().NotThrowAsync());
    }

    [Fact]
    public async Task ConfirmAsync_UnknownEventId_ThrowsSystemError2()
    {
        Expect($"{What} for an unknown eventId", Path, AtlasShapes.Json(Confirmation(UnknownEventId)), Pins)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Answer(2, $"System error: no incident with eventId '{UnknownEventId}'"));

        await VerifyAsync(async client =>
        {
            var failure = (await FluentActions.Awaiting(() => ConfirmAsync(client, UnknownEventId)).Should().ThrowAsync<AtlasSystemErrorException>()).Which;
            failure.Status.Should().Be(AtlasStatus.SystemError);
            failure.IsRetryable.Should().BeTrue("Atlas's status 2 is a system error a caller may retry");
        });
    }

    [Fact]
    public async Task ConfirmAsync_RefusedCredentials_ThrowsAuthorization900() =>
        await ExpectUnauthorizedAsync(What, Path, AtlasShapes.Json(Confirmation(EventId)), client => ConfirmAsync(client, EventId), Pins);

    [Fact]
    public async Task ConfirmAsync_EventIdMissing_ThrowsRequestRejected100() =>
        await ExpectMissingFieldAsync(What, Path, AtlasShapes.Json(Confirmation(EventId)), "eventId", client => ConfirmAsync(client, EventId), Pins);

    [Fact]
    public async Task ConfirmAsync_OverRequestLimit_ThrowsRateLimitedWithRetryAfter() =>
        await ExpectRateLimitedAsync(What, Path, AtlasShapes.Json(Confirmation(EventId)), client => ConfirmAsync(client, EventId), Pins);
}

/// <summary>POST /event/confirmEmailScheduleChangeEvent.do (email.schedulechange incidents; result and the changed flights).</summary>
public sealed class EmailScheduleChangeConfirmContractTests(AtlasContractsFixture fixture) : ConfirmContractTests(fixture)
{
    protected override string Path => AtlasClient.ConfirmEmailScheduleChangeEventPath;

    protected override string IncidentType => AtlasEventTypes.EmailScheduleChange;

    protected override string What => "a confirmation of an email schedule change";

    protected override IReadOnlyDictionary<string, Func<JsonNode, object>> Pins { get; } = new Dictionary<string, Func<JsonNode, object>>
    {
        ["result"] = AtlasShapes.OneOf("FLIGHT_CHANGE", "FLIGHT_CANCELED", "NO_SCHEDULE_CHANGE"),
    };

    protected override object Confirmation(string eventId) => Fakers.EmailScheduleChangeConfirmation(eventId, EmailScheduleChangeResult.FlightChange);

    protected override Task ConfirmAsync(AtlasClient client, string eventId) =>
        client.ConfirmEmailScheduleChangeEventAsync((EmailScheduleChangeConfirmation)Confirmation(eventId));
}

/// <summary>POST /event/confirmAbnormalCancelledEvent.do (abnormal.cancelled incidents).</summary>
public sealed class AbnormalCancelledConfirmContractTests(AtlasContractsFixture fixture) : ConfirmContractTests(fixture)
{
    protected override string Path => AtlasClient.ConfirmAbnormalCancelledEventPath;

    protected override string IncidentType => AtlasEventTypes.AbnormalCancelled;

    protected override string What => "a confirmation of an unaccounted cancellation";

    protected override IReadOnlyDictionary<string, Func<JsonNode, object>> Pins { get; } = new Dictionary<string, Func<JsonNode, object>>
    {
        ["result"] = AtlasShapes.OneOf("FLIGHT_CANCELED", "ABNORMAL_CANCELLATION", "PASSENGER_CANCELLATION", "NO_CANCELLATION"),
    };

    protected override object Confirmation(string eventId) => Fakers.AbnormalCancelledConfirmation(eventId, AbnormalCancelledResult.PassengerCancellation);

    protected override Task ConfirmAsync(AtlasClient client, string eventId) =>
        client.ConfirmAbnormalCancelledEventAsync((AbnormalCancelledConfirmation)Confirmation(eventId));
}

/// <summary>POST /event/confirmEvent.do (order.schedulechange incidents; no result).</summary>
public sealed class OrderScheduleChangeConfirmContractTests(AtlasContractsFixture fixture) : ConfirmContractTests(fixture)
{
    protected override string Path => AtlasClient.ConfirmEventPath;

    protected override string IncidentType => AtlasEventTypes.OrderScheduleChange;

    protected override string What => "a confirmation of a structured schedule change";

    protected override object Confirmation(string eventId) => Fakers.EventConfirmation(eventId);

    protected override Task ConfirmAsync(AtlasClient client, string eventId) => client.ConfirmEventAsync((EventConfirmation)Confirmation(eventId));
}
