using Harness.Client.Atlas;
using Harness.Sandbox.Atlas;

namespace Harness.Sandbox.Tests;

/// <summary>The Atlas notifications API served by SandboxHost beside the airline API, and its provider states.</summary>
[Collection(SandboxCollection.Name)]
public sealed class AtlasWiringTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public void AtlasBaseUrl_IsAtlasPathBesideAirline()
    {
        Fixture.Host.AtlasBaseUrl.Should().Be(new Uri(Fixture.Host.BaseUrl, "atlas/"));
        Fixture.Host.AirlineBaseUrl.AbsolutePath.Should().Be("/airline/v1.1/");
    }

    [Fact]
    public async Task AtlasIncidentList_OnSandboxHost_ListsIncidentOfHostAtlas()
    {
        var incident = Fixture.Host.Atlas.AddIncident(
            Fixture.Host.Atlas.GenerateIncident(AtlasEventTypes.AbnormalCancelled, AtlasSandboxOptions.DefaultClientId), notify: false);

        var reply = await Api.PageListAsync(new JsonObject { ["eventId"] = incident.EventId, ["pageSize"] = 10 });

        reply.Status.Should().Be(HttpStatusCode.OK);
        ((int)reply.Json!["status"]!).Should().Be(0);
        ((string)reply.Json!["records"]![0]!["eventId"]!).Should().Be(incident.EventId);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ProviderState_AtlasIncidentExists_RoutesToAtlasAndReturnsIds()
    {
        var result = await Api.GivenAsync(AtlasProviderStates.IncidentExists, new JsonObject { ["eventId"] = "20240101120000000ABCDE", ["type"] = AtlasEventTypes.OrderScheduleChange });

        ((string)result["eventId"]!).Should().Be("20240101120000000ABCDE");
        ((string)result["type"]!).Should().Be(AtlasEventTypes.OrderScheduleChange);
        ((string?)result["orderNo"]).Should().NotBeNullOrEmpty();
        Fixture.Host.Atlas.FindIncident("20240101120000000ABCDE")!.EventType.Should().Be(AtlasEventTypes.OrderScheduleChange);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ProviderState_AtlasEventStatusAsQueryString_IsReadAsInteger()
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "/_pact/provider-states?state=an%20incident%20exists&action=setup&eventId=E1&eventStatus=1", null, token: null);

        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        Fixture.Host.Atlas.FindIncident("E1")!.EventStatus.Should().Be(1);
        await Api.TeardownAsync();
    }

    [Fact]
    public async Task ProviderState_CredentialsInvalid_AtlasAnswers900UntilTeardown()
    {
        await Api.GivenAsync(AtlasProviderStates.CredentialsInvalid);

        var refused = await Api.PageListAsync(new JsonObject { ["pageSize"] = 10 });
        await Api.TeardownAsync();
        var accepted = await Api.PageListAsync(new JsonObject { ["pageSize"] = 10 });

        ((int)refused.Json!["status"]!).Should().Be(900);
        ((int)accepted.Json!["status"]!).Should().Be(0);
    }

    [Fact]
    public async Task ProviderState_RequestLimitExceeded_AtlasAnswers429WithRetryAfter()
    {
        await Api.GivenAsync(AtlasProviderStates.RequestLimitExceeded);

        var limited = await Api.PageListAsync(new JsonObject { ["pageSize"] = 10 });
        await Api.TeardownAsync();
        var allowed = await Api.PageListAsync(new JsonObject { ["pageSize"] = 10 });

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        ((int)limited.Json!["code"]!).Should().Be(429);
        ((int)limited.Json!["retryAfter"]!).Should().Be(60);
        limited.Header("Retry-After").Should().Be("60");
        allowed.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Teardown_AfterAirlineAndAtlasStates_ResetsBoth()
    {
        await Api.GivenAsync(ProviderStates.SessionExists, new JsonObject { ["session_id"] = "atlas-wiring-session" });
        await Api.GivenAsync(AtlasProviderStates.IncidentExists, new JsonObject { ["eventId"] = "E-teardown" });

        await Api.TeardownAsync();

        Fixture.Host.State.HasSession("atlas-wiring-session").Should().BeFalse();
        Fixture.Host.Atlas.FindIncident("E-teardown").Should().BeNull();
    }

    [Fact]
    public async Task ProviderState_UnknownName_Answers400ListingAirlineAndAtlasStates()
    {
        var reply = await Api.StateAsync("no such state anywhere");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        var message = (string)reply.Json!["errors"]![0]!["message"]!;
        message.Should().Contain("no such state anywhere").And.Contain(ProviderStates.SessionExists).And.Contain(AtlasProviderStates.IncidentExists);
    }
}
