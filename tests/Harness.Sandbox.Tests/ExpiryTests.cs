using Microsoft.Extensions.Time.Testing;

namespace Harness.Sandbox.Tests;

public sealed class ExpiryTests
{
    private static async Task<(SandboxHost Host, ApiClient Api, FakeTimeProvider Clock)> StartAsync()
    {
        // The sandbox reads time only through its TimeProvider; the test moves it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await SandboxHost.StartAsync(new SandboxOptions { Quiet = true, Clock = clock, TokenLifetime = TimeSpan.FromMinutes(10), OfferLifetime = TimeSpan.FromMinutes(30) });
        return (host, await ApiClient.ConnectAsync(host), clock);
    }

    [Fact]
    public async Task Token_ConfiguredLifetime_IsExpiresInAndHoldsUntilThen()
    {
        var (host, api, clock) = await StartAsync();
        await using var _ = host;
        using var __ = api;

        var auth = await api.SendAsync(HttpMethod.Post, "auth",
            new JsonObject { ["client_id"] = SandboxOptions.DefaultClientId, ["client_secret"] = SandboxOptions.DefaultClientSecret }, token: null);
        var token = (string)auth.Json!["access_token"]!;
        clock.Advance(TimeSpan.FromMinutes(9));

        ((int)auth.Json!["expires_in"]!).Should().Be(600);
        (await api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), token)).Status.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Options_TokenLifetimeUnderOneSecond_FailsNamingIt(int seconds)
    {
        var create = () => new AirlineSandbox(new SandboxOptions { TokenLifetime = TimeSpan.FromSeconds(seconds) });

        create.Should().Throw<ArgumentException>().WithMessage("*TokenLifetime*");
    }

    [Fact]
    public async Task Token_PastLifetime_Answers401()
    {
        var (host, api, clock) = await StartAsync();
        await using var _ = host;
        using var __ = api;
        (await api.PostAsync("sessions", Bodies.Session())).Status.Should().Be(HttpStatusCode.Created);

        clock.Advance(TimeSpan.FromMinutes(11));

        (await api.PostAsync("sessions", Bodies.Session())).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Offer_PastLifetime_ContractAnswers422OfferExpired()
    {
        var (host, api, clock) = await StartAsync();
        await using var _ = host;
        using var __ = api;
        var (offer, itinerary) = await api.OfferAsync("cfar");
        clock.Advance(TimeSpan.FromMinutes(31));

        var reply = await api.SendAsync(HttpMethod.Post, "cfar_contracts", Bodies.ContractRequest((string)offer["id"]!, itinerary),
            await api.TokenAsync(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        ((string)reply.Json!["errors"]![0]!["code"]!).Should().Be("offer_expired");
    }

    [Fact]
    public async Task CfarContract_AfterExpiry_ExerciseAnswers422()
    {
        var (host, api, clock) = await StartAsync();
        await using var _ = host;
        using var __ = api;
        var contractId = await api.ConfirmedContractAsync("cfar");
        var expiry = DateTimeOffset.Parse((string)host.State.Contract(contractId)!["expiry_date_time"]!, System.Globalization.CultureInfo.InvariantCulture);
        clock.Advance(expiry - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var token = await api.TokenAsync(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);

        var reply = await api.SendAsync(HttpMethod.Post, "cfar_contract_exercises", Bodies.CfarExercise(contractId), token);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        ((string)reply.Json!["errors"]![0]!["code"]!).Should().Be("contract_expired");
    }

    [Fact]
    public async Task CfarContract_ExpiryDate_IsBeforeFirstDeparture()
    {
        var (host, api, _) = await StartAsync();
        await using var h = host;
        using var a = api;
        var contractId = await api.ContractAsync("cfar");

        var contract = host.State.Contract(contractId)!;
        var expiry = DateTimeOffset.Parse((string)contract["expiry_date_time"]!, System.Globalization.CultureInfo.InvariantCulture);

        expiry.Should().BeBefore(new DateTimeOffset(DateTime.SpecifyKind(Bodies.DefaultDeparture, DateTimeKind.Utc)));
        ((string)contract["expiry_date_time"]!).Should().EndWith("Z");
    }
}
