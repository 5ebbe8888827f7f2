namespace Harness.Atlas.Tests.Client;

public sealed class AtlasJsonTests
{
    private static readonly TimeSpan Utc8 = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("\"2023-04-01 00:36:44\"")]
    [InlineData("\"Apr 1, 2023 12:36:44 AM\"")]
    [InlineData("\"Apr 1, 2023 12:36:44\u202FAM\"")]
    [InlineData("\"Apr 01, 2023 12:36:44 AM\"")]
    public void EventTime_Read_AcceptsDocumentedAndJavaForms(string json)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, AtlasJson.Options);

        value.Should().Be(new DateTimeOffset(2023, 4, 1, 0, 36, 44, Utc8));
        value.Offset.Should().Be(Utc8);
    }

    [Fact]
    public void EventTime_Read_PmHourIsAfternoon()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("\"Dec 31, 2023 11:05:09 PM\"", AtlasJson.Options);

        value.Should().Be(new DateTimeOffset(2023, 12, 31, 23, 5, 9, Utc8));
    }

    [Fact]
    public void EventTime_Write_ConvertsToUtc8()
    {
        var json = JsonSerializer.Serialize(new DateTimeOffset(2023, 4, 30, 20, 15, 0, TimeSpan.Zero), AtlasJson.Options);

        json.Should().Be("\"2023-05-01 04:15:00\"");
    }

    [Fact]
    public void LocalTime_RoundTrip_KeepsTheAirportClock()
    {
        var departure = new DateTime(2023, 1, 24, 7, 45, 0, DateTimeKind.Local);

        var json = JsonSerializer.Serialize(departure, AtlasJson.Options);
        var back = JsonSerializer.Deserialize<DateTime>(json, AtlasJson.Options);

        json.Should().Be("\"2023-01-24 07:45:00\"");
        back.Should().Be(new DateTime(2023, 1, 24, 7, 45, 0));
        back.Kind.Should().Be(DateTimeKind.Unspecified);
    }

    [Fact]
    public void LocalTime_Read_AcceptsTheSecondsLessFormOfTheConfirmSamples()
    {
        JsonSerializer.Deserialize<DateTime>("\"2023-04-23 13:30\"", AtlasJson.Options).Should().Be(new DateTime(2023, 4, 23, 13, 30, 0));
    }

    [Theory]
    [InlineData("\"2023-04-01T00:36:44Z\"")]
    [InlineData("\"01/04/2023\"")]
    [InlineData("12345")]
    public void EventTime_Read_WhenNotAnAtlasDate_ThrowsNamingTheValue(string json)
    {
        var act = () => JsonSerializer.Deserialize<DateTimeOffset>(json, AtlasJson.Options);

        act.Should().Throw<JsonException>().Which.Message.Should().Contain("Atlas date");
    }

    [Fact]
    public void Enums_Write_InAtlasUpperSnakeCase()
    {
        JsonSerializer.Serialize(EmailScheduleChangeResult.NoScheduleChange, AtlasJson.Options).Should().Be("\"NO_SCHEDULE_CHANGE\"");
        JsonSerializer.Serialize(AbnormalCancelledResult.PassengerCancellation, AtlasJson.Options).Should().Be("\"PASSENGER_CANCELLATION\"");
        JsonSerializer.Serialize(EmailScheduleChangeResult.FlightCanceled, AtlasJson.Options).Should().Be("\"FLIGHT_CANCELED\"");
    }

    [Fact]
    public void Incident_Write_UsesTheDocumentedUpdateImeSpelling()
    {
        var incident = new Incident { EventId = "E", EventType = AtlasEventTypes.EmailScheduleChange, UpdateTime = new DateTimeOffset(2023, 1, 1, 0, 0, 0, Utc8) };

        var json = JsonSerializer.SerializeToNode(incident, AtlasJson.Options)!.AsObject();

        json["updateIme"]!.GetValue<string>().Should().Be("2023-01-01 00:00:00");
        json["eventStatus"]!.GetValue<int>().Should().Be(0, "eventStatus is an integer on the wire");
    }
}
