namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class SessionEventTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task PostSessions_Valid_Answers201WithIdAndCacheHeaders()
    {
        var reply = await Api.PostAsync("sessions", Bodies.Session());

        reply.Status.Should().Be(HttpStatusCode.Created);
        State.HasSession((string)reply.Json!["id"]!).Should().BeTrue();
        reply.Header("Expires").Should().NotBeNullOrEmpty();
        reply.Header("Cache-Control").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task PostSessions_GivenId_UsesItAndRejectsItTwice()
    {
        var id = Guid.NewGuid().ToString();

        var first = await Api.PostAsync("sessions", Bodies.Session(id));
        var second = await Api.PostAsync("sessions", Bodies.Session(id));

        ((string)first.Json!["id"]!).Should().Be(id);
        second.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        second.ErrorFields.Should().Equal("session_id");
    }

    [Fact]
    public async Task PostSessions_ExerciseFlowWithoutProduct_Answers422NamingProduct()
    {
        var body = Bodies.Session();
        body["flow_type"] = "exercise";

        var reply = await Api.PostAsync("sessions", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("product");
    }

    [Fact]
    public async Task PostSessions_DeviceWithUnknownDiscriminator_Answers422()
    {
        var body = Bodies.Session();
        body["device"] = new JsonObject { ["type"] = "watch", ["id"] = "d1" };

        var reply = await Api.PostAsync("sessions", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("device.type");
    }

    [Fact]
    public async Task PostSessions_NestedDeviceValid_Answers201()
    {
        var body = Bodies.Session();
        body["device"] = new JsonObject
        {
            ["type"] = "mobile",
            ["id"] = "d1",
            ["platform"] = new JsonObject { ["type"] = "web", ["browser"] = new JsonObject { ["type"] = "other_browser", ["name"] = "Lynx" } },
        };

        (await Api.PostAsync("sessions", body)).Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PostSessions_NestedOtherBrowserWithoutName_Answers422NamingPath()
    {
        var body = Bodies.Session();
        body["device"] = new JsonObject
        {
            ["type"] = "mobile",
            ["id"] = "d1",
            ["platform"] = new JsonObject { ["type"] = "web", ["browser"] = new JsonObject { ["type"] = "other_browser" } },
        };

        var reply = await Api.PostAsync("sessions", body);

        reply.ErrorFields.Should().Equal("device.platform.browser.name");
    }

    [Fact]
    public async Task PostEvents_KnownSession_Answers204AndCountsEvent()
    {
        var session = await Api.SessionAsync();
        var before = State.Counts().Events;

        var reply = await Api.PostAsync("events", new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2024-01-24T15:34:30Z" }, session);

        reply.Status.Should().Be(HttpStatusCode.NoContent);
        reply.Bytes.Should().BeEmpty();
        reply.Header("Expires").Should().NotBeNull();
        State.Counts().Events.Should().Be(before + 1);
    }

    [Fact]
    public async Task PostEvents_BookingConfirmedWithKnownContract_Answers204()
    {
        var session = await Api.SessionAsync();
        var contract = await Api.ContractAsync("cfar");

        var reply = await Api.PostAsync("events", new JsonObject
        {
            ["type"] = "booking_confirmed",
            ["occurred_date_time"] = "2024-01-24T15:34:30Z",
            ["cfar_contract_id"] = contract,
        }, session);

        reply.Status.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData(null, "HC-Session-ID")]
    [InlineData("unknown-session", "HC-Session-ID")]
    public async Task PostEvents_MissingOrUnknownSession_Answers422(string? session, string field)
    {
        var before = State.Counts();

        var reply = await Api.PostAsync("events", new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2024-01-24T15:34:30Z" }, session);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal(field);
        State.Counts().Should().Be(before);
    }

    [Fact]
    public async Task PostEvents_UnknownContract_Answers422()
    {
        var session = await Api.SessionAsync();

        var reply = await Api.PostAsync("events", new JsonObject
        {
            ["type"] = "booking_confirmed",
            ["occurred_date_time"] = "2024-01-24T15:34:30Z",
            ["dg_contract_id"] = "nope",
        }, session);

        reply.ErrorFields.Should().Equal("dg_contract_id");
    }

    [Fact]
    public async Task PostEvents_DateWithoutZone_Answers422Format()
    {
        var session = await Api.SessionAsync();

        var reply = await Api.PostAsync("events", new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2024-01-24T15:34:30" }, session);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        ((string)reply.Json!["errors"]![0]!["code"]!).Should().Be("format");
    }
}
