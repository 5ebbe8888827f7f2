namespace Harness.Contracts;

/// <summary>postEvents: POST /events (HC-Session-ID required; success is 204).</summary>
public sealed class EventsContractTests(ContractsFixture fixture) : ContractTest(fixture)
{
    private static readonly string What = OperationCases.Describe(AirlineOperations.PostEvents);
    private const string SessionId = OperationCases.EventSessionId;

    private static ApiCall Call(Event evt) => OperationCases.Call(AirlineOperations.PostEvents, null, evt);

    [Fact]
    public async Task SendEventAsync_ForKnownSession_Returns204()
    {
        Event evt = Fakers.OffersDisplayed();
        Expect(What, Call(evt), Caller.WithValidToken, State(ProviderStates.SessionExists, (ProviderStateParams.SessionId, SessionId)))
            .WithHeader(AirlineApiClient.HcSessionIdHeader, SessionId)
            .WillRespond()
            .WithStatus(204)
            .WithCacheHeaders();

        await VerifyAsync(async client =>
        {
            var response = await client.SendEventAsync(SessionId, evt);

            response.StatusCode.Should().Be(204);
            ShouldSurfaceCacheHeaders(response);
            response.NotPerformed.Should().BeFalse("postEvents' 204 is its success, not \"not performed\"");
        });
    }

    [Fact]
    public async Task SendEventAsync_ForUnknownSession_Throws422()
    {
        Event evt = Fakers.BookingConfirmed();
        const string unknown = "no-such-session";
        Expect("a request to record an event for an unknown session", Call(evt), Caller.WithValidToken)
            .WithHeader(AirlineApiClient.HcSessionIdHeader, unknown)
            .WillRespond()
            .WithStatus(422)
            .WithJsonBody(Shapes.Errors("unknown_session", "HC-Session-ID 'no-such-session' is not a known session; create it with POST /sessions."));

        await VerifyAsync(async client =>
        {
            var failure = await ShouldFailAsync(() => client.SendEventAsync(unknown, evt), 422);
            failure.Errors[0].Code.Should().Be("unknown_session");
        });
    }
}
