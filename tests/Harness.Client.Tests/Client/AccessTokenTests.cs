using Microsoft.Extensions.Time.Testing;

namespace Harness.Client.Tests.Client;

public sealed class AccessTokenTests : CannedServerTest
{
    private static readonly DateTimeOffset ClockStart = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Calls_With50ConcurrentCallers_PostAuthExactlyOnceAndShareTheToken()
    {
        using var client = new AirlineApiClient(Server.Options());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetCfarContractAsync("c-1")));

        Server.AuthCalls.Should().Be(1);
        var tokens = Server.Requests.Where(r => r.OperationId == "getCfar_contractsId").Select(r => r.Headers["Authorization"]).Distinct();
        tokens.Should().ContainSingle().Which.Should().Be($"Bearer {Server.TokenPrefix}-1");
    }

    [Fact]
    public async Task Calls_AfterTokenExpires_RefreshOnceFor50ConcurrentCallers()
    {
        var clock = new FakeTimeProvider(ClockStart);
        Server.ExpiresIn = 3600;
        using var client = new AirlineApiClient(Server.Options(clock: clock));
        await client.GetCfarContractAsync("c-1");

        clock.Advance(TimeSpan.FromSeconds(3600));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetCfarContractAsync("c-1")));

        Server.AuthCalls.Should().Be(2);
        Server.Requests.Where(r => r.OperationId == "getCfar_contractsId").Skip(1)
            .Should().OnlyContain(r => r.Headers["Authorization"] == $"Bearer {Server.TokenPrefix}-2");
    }

    [Fact]
    public async Task Calls_WithinRefreshSkew_RefreshBeforeExpiry()
    {
        var clock = new FakeTimeProvider(ClockStart);
        Server.ExpiresIn = 3600;
        var defaults = Server.Options(clock: clock);
        using var client = new AirlineApiClient(new AirlineApiOptions
        {
            BaseUrl = defaults.BaseUrl,
            ClientId = defaults.ClientId,
            ClientSecret = defaults.ClientSecret,
            TimeProvider = clock,
            TokenRefreshSkew = TimeSpan.FromMinutes(10),
        });
        await client.GetCfarContractAsync("c-1");

        clock.Advance(TimeSpan.FromMinutes(49));
        await client.GetCfarContractAsync("c-1");
        Server.AuthCalls.Should().Be(1);

        clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetCfarContractAsync("c-1");
        Server.AuthCalls.Should().Be(2);
    }

    [Fact]
    public async Task Calls_After401_FetchANewTokenNextTime()
    {
        using var client = new AirlineApiClient(Server.Options());
        await client.GetCfarContractAsync("c-1");
        Server.Respond("getCfar_contractsId", new CannedResponse(401));

        var act = () => client.GetCfarContractAsync("c-1");
        await act.Should().ThrowAsync<AirlineApiException>();
        Server.Respond("getCfar_contractsId", _ => new CannedResponse(200, CannedAirlineServer.SampleResponse(AirlineOperations.GetCfarContractsId, 200)));
        await client.GetCfarContractAsync("c-1");

        Server.AuthCalls.Should().Be(2);
    }

    [Fact]
    public async Task AuthenticateAsync_PostsJsonCredentialsAndPrimesTheCache()
    {
        using var client = new AirlineApiClient(Server.Options());

        var response = await client.AuthenticateAsync();
        await client.GetDgContractAsync("c-1");

        response.StatusCode.Should().Be(201);
        response.Body!.AccessToken.Should().StartWith(Server.TokenPrefix);
        Server.AuthCalls.Should().Be(1);
        var auth = Server.Requests.Single(r => r.OperationId == "postAuth");
        auth.Headers["Content-Type"].Should().StartWith("application/json");
        auth.Body.Should().Be($"{{\"client_id\":\"test-client\",\"client_secret\":\"s3cr3t-{Server.TokenPrefix}\"}}");
    }

    [Fact]
    public async Task UnauthenticatedOperations_NeverFetchAToken()
    {
        using var client = new AirlineApiClient(Server.Options());

        await client.GetDgExerciseSessionAsync("e-1");
        await client.GetCfarPayoutReceiptAsync();
        await client.GetDgPayoutReceiptAsync();

        Server.AuthCalls.Should().Be(0);
        Server.Requests.Should().OnlyContain(r => !r.Headers.ContainsKey("Authorization"));
    }
}
