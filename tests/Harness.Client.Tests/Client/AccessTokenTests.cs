using Harness.ApiFacts;
using Harness.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Client.Tests.Client;

public sealed class AccessTokenTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ClockStart = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private CannedAirlineServer _server = null!;

    public async Task InitializeAsync() => _server = await CannedAirlineServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Calls_With50ConcurrentCallers_PostAuthExactlyOnceAndShareTheToken()
    {
        using var client = new AirlineApiClient(_server.Options());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetCfarContractAsync("c-1")));

        _server.AuthCalls.Should().Be(1);
        var tokens = _server.Requests.Where(r => r.OperationId == "getCfar_contractsId").Select(r => r.Headers["Authorization"]).Distinct();
        tokens.Should().ContainSingle().Which.Should().Be($"Bearer {_server.TokenPrefix}-1");
    }

    [Fact]
    public async Task Calls_AfterTokenExpires_RefreshOnceFor50ConcurrentCallers()
    {
        var clock = new FakeTimeProvider(ClockStart);
        _server.ExpiresIn = 3600;
        using var client = new AirlineApiClient(_server.Options(clock: clock));
        await client.GetCfarContractAsync("c-1");

        clock.Advance(TimeSpan.FromSeconds(3600));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetCfarContractAsync("c-1")));

        _server.AuthCalls.Should().Be(2);
        _server.Requests.Where(r => r.OperationId == "getCfar_contractsId").Skip(1)
            .Should().OnlyContain(r => r.Headers["Authorization"] == $"Bearer {_server.TokenPrefix}-2");
    }

    [Fact]
    public async Task Calls_WithinRefreshSkew_RefreshBeforeExpiry()
    {
        var clock = new FakeTimeProvider(ClockStart);
        _server.ExpiresIn = 3600;
        var defaults = _server.Options(clock: clock);
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
        _server.AuthCalls.Should().Be(1);

        clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetCfarContractAsync("c-1");
        _server.AuthCalls.Should().Be(2);
    }

    [Fact]
    public async Task Calls_After401_FetchANewTokenNextTime()
    {
        using var client = new AirlineApiClient(_server.Options());
        await client.GetCfarContractAsync("c-1");
        _server.Respond("getCfar_contractsId", new CannedResponse(401));

        var act = () => client.GetCfarContractAsync("c-1");
        await act.Should().ThrowAsync<AirlineApiException>();
        _server.Respond("getCfar_contractsId", _ => new CannedResponse(200, CannedAirlineServer.SampleResponse(AirlineOperations.GetCfarContractsId, 200)));
        await client.GetCfarContractAsync("c-1");

        _server.AuthCalls.Should().Be(2);
    }

    [Fact]
    public async Task AuthenticateAsync_PostsJsonCredentialsAndPrimesTheCache()
    {
        using var client = new AirlineApiClient(_server.Options());

        var response = await client.AuthenticateAsync();
        await client.GetDgContractAsync("c-1");

        response.StatusCode.Should().Be(201);
        response.Body!.AccessToken.Should().StartWith(_server.TokenPrefix);
        _server.AuthCalls.Should().Be(1);
        var auth = _server.Requests.Single(r => r.OperationId == "postAuth");
        auth.Headers["Content-Type"].Should().StartWith("application/json");
        auth.Body.Should().Be($"{{\"client_id\":\"test-client\",\"client_secret\":\"s3cr3t-{_server.TokenPrefix}\"}}");
    }

    [Fact]
    public async Task UnauthenticatedOperations_NeverFetchAToken()
    {
        using var client = new AirlineApiClient(_server.Options());

        await client.GetDgExerciseSessionAsync("e-1");
        await client.GetCfarPayoutReceiptAsync();
        await client.GetDgPayoutReceiptAsync();

        _server.AuthCalls.Should().Be(0);
        _server.Requests.Should().OnlyContain(r => !r.Headers.ContainsKey("Authorization"));
    }
}
