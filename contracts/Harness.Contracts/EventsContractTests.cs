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
        await ExpectUnknownSessionAsync(
            "a request to record an event for an unknown session",
            Call(evt),
            client => client.SendEventAsync(UnknownSessionId, evt),
            $"HC-Session-ID '{UnknownSessionId}' is not a known session; create it with POST /sessions.");
    }
}
