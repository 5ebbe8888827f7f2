namespace Harness.Atlas.Tests.TestData;

public sealed class AtlasFakersTests
{
    private static readonly DateTimeOffset Now = new(2023, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Notification_WithSameSeedAndNow_IsIdentical()
    {
        var first = AtlasEventTypes.All.Select(t => JsonSerializer.Serialize(new AtlasFakers(11, Now).Notification(t), AtlasJson.Options));
        var second = AtlasEventTypes.All.Select(t => JsonSerializer.Serialize(new AtlasFakers(11, Now).Notification(t), AtlasJson.Options));
        var other = AtlasEventTypes.All.Select(t => JsonSerializer.Serialize(new AtlasFakers(12, Now).Notification(t), AtlasJson.Options));

        first.Should().Equal(second);
        first.Should().NotEqual(other);
    }

    [Theory]
    [InlineData("email.schedulechange")]
    [InlineData("order.schedulechange")]
    [InlineData("abnormal.cancelled")]
    public void Incident_HasAtlasShapedIdsAndUtc8TimesInThePast(string type)
    {
        var fakers = new AtlasFakers(3, Now);

        var incident = fakers.Incident(type);

        incident.EventType.Should().Be(type);
        incident.EventStatus.Should().Be(IncidentStatus.Unconfirmed);
        incident.EventId.Should().MatchRegex("^[0-9]{17}[A-Z]{5}$");
        incident.OrderNo.Should().MatchRegex("^[A-Z]{5}[0-9]{17}$");
        incident.EventTime!.Value.Offset.Should().Be(TimeSpan.FromHours(8));
        incident.EventTime.Value.Should().BeBefore(Now).And.BeAfter(Now.AddDays(-8));
        incident.EventId.Should().StartWith(incident.EventTime.Value.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        incident.DepTime.Should().BeAfter(Now.UtcDateTime);
        incident.PaxName.Should().MatchRegex("^[^/,]+/[^/,]+(,[^/,]+/[^/,]+)*$");
    }

    [Fact]
    public void Incident_WithEventTime_IsReceivedThenWithAnIdOfThatTime()
    {
        var at = new DateTimeOffset(2023, 4, 1, 0, 36, 44, 225, TimeSpan.FromHours(8));

        var incident = new AtlasFakers(5, Now).Incident(AtlasEventTypes.AbnormalCancelled, at);

        incident.EventTime.Should().Be(at);
        incident.CreateTime.Should().Be(at);
        incident.EventId.Should().MatchRegex("^20230401003644225[A-Z]{5}$");
    }

    [Fact]
    public void Incident_WhenTypeIsNotAnIncident_ThrowsNamingIt()
    {
        var act = () => new AtlasFakers(5, Now).Incident(AtlasEventTypes.OrderVoid, Now);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("order.void").And.Contain(AtlasEventTypes.AbnormalCancelled);
    }

    [Fact]
    public void Constructor_WithTimeProvider_ReadsTheClockAtEachCall()
    {
        var clock = new FakeTimeProvider(Now);
        var fakers = new AtlasFakers(5, clock);

        var first = fakers.NotificationFor(fakers.Incident(AtlasEventTypes.EmailScheduleChange, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(30));
        var later = fakers.Notification(AtlasEventTypes.EmailAll).DataAs<EmailAllData>();

        first.DataAs<EmailScheduleChangeData>().EmailReceivingDate.Should().Be("(UTC+08:00) 20230401 08:00:00");
        later.CreateTime.Should().Be(Now.AddDays(30));
    }

    [Fact]
    public void Incident_RoundTripsThroughAtlasJson()
    {
        var incident = new AtlasFakers(5, Now).Incident();

        var back = JsonSerializer.Deserialize<Incident>(JsonSerializer.Serialize(incident, AtlasJson.Options), AtlasJson.Options);

        back.Should().BeEquivalentTo(incident);
    }

    [Fact]
    public void Notification_DataMatchesItsTypedPayload()
    {
        var fakers = new AtlasFakers(9, Now);

        fakers.Notification(AtlasEventTypes.EmailScheduleChange).DataAs<EmailScheduleChangeData>().EmailReceivingDate.Should().StartWith("(UTC+08:00) ");
        fakers.Notification(AtlasEventTypes.AbnormalCancelled).DataAs<AbnormalCancelledData>().VendorRefundInformation.Should().BeOneOf("FULLY", "Cancelled");
        var change = fakers.Notification(AtlasEventTypes.OrderScheduleChange).DataAs<OrderScheduleChangeData>();
        change.ScheduleChangeType.Should().BeOneOf(1, 2);
        change.RevisedSegs.Should().HaveCount(change.ScheduleChangeType == 2 ? 0 : 1);
        var refund = fakers.Notification(AtlasEventTypes.OrderRefundComplete).DataAs<OrderRefundCompleteData>();
        refund.FinalRefundAmount.Should().Be(refund.OriginalTotalAmount - refund.AirlinePenaltyAmount - refund.TransactionFee);
        var airline = fakers.Notification(AtlasEventTypes.AirlineStatus);
        airline.Cid.Should().BeNull("airline.status has no cid");
        airline.Status.Should().Be(-1);
    }

    [Fact]
    public void EmailScheduleChangeConfirmation_FlightsMatchTheResult()
    {
        var fakers = new AtlasFakers(1, Now);

        var changed = fakers.EmailScheduleChangeConfirmation("E1", EmailScheduleChangeResult.FlightChange);
        var canceled = fakers.EmailScheduleChangeConfirmation("E1", EmailScheduleChangeResult.FlightCanceled);
        var none = fakers.EmailScheduleChangeConfirmation("E1", EmailScheduleChangeResult.NoScheduleChange);

        changed.ChangedFlights.Should().ContainSingle().Which.NewArrivalTime.Should().BeAfter(changed.ChangedFlights![0].NewDepartureTime!.Value);
        canceled.CanceledFlights.Should().ContainSingle();
        none.ChangedFlights.Should().BeNull();
        none.CanceledFlights.Should().BeNull();
    }

    [Fact]
    public void Notification_WhenTypeUnknown_ThrowsNamingIt()
    {
        var act = () => new AtlasFakers(1, Now).Notification("order.teleported");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("order.teleported");
    }
}
