using System.Diagnostics;
using System.Net;
using Harness.Sandbox.Admin;

namespace Harness.Sandbox.Tests;

/// <summary>Faults change every request, so each test gets its own sandbox.</summary>
public sealed class AdminTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new SandboxOptions { Quiet = true, EnableAdmin = true });
        _api = await ApiClient.ConnectAsync(_host);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _host.DisposeAsync();
    }

    private Task<Reply> AdminAsync(HttpMethod method, string path, string? body = null) => _api.SendRawAsync(method, $"/_admin/{path}", body, null);

    [Fact]
    public async Task Ping_Answers200OkJson()
    {
        var reply = await AdminAsync(HttpMethod.Get, "ping");

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json!["ok"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(2_345)]
    [InlineData(70_000)]
    public async Task Echo_AnyBody_Answers201WithJsonOfExactlyTheAskedSize(int bytes)
    {
        var reply = await AdminAsync(HttpMethod.Post, $"echo?bytes={bytes}", "{\"itinerary\":[" + string.Join(",", Enumerable.Repeat("1", 5_000)) + "]}");

        reply.Status.Should().Be(HttpStatusCode.Created);
        reply.Bytes.Should().HaveCount(bytes);
        reply.Json!["pad"]!.GetValue<string>().Should().MatchRegex("^x*$");
    }

    [Theory]
    [InlineData("")]
    [InlineData("9")]
    [InlineData("-5")]
    [InlineData("1048577")]
    [InlineData("lots")]
    public async Task Echo_BytesOutOfRange_Answers400NamingIt(string bytes)
    {
        var reply = await AdminAsync(HttpMethod.Post, $"echo?bytes={bytes}", "{}");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorFields.Should().Equal("bytes");
    }

    [Fact]
    public async Task Faults_ErrorRateOne_EveryRequestGetsChosenStatusUntilCleared()
    {
        (await AdminAsync(HttpMethod.Post, "faults", "{\"error_rate\":1,\"error_status\":502}")).Status.Should().Be(HttpStatusCode.OK);

        var faulted = await _api.PostAsync("sessions", Bodies.Session());
        var ping = await AdminAsync(HttpMethod.Get, "ping");
        (await AdminAsync(HttpMethod.Delete, "faults")).Status.Should().Be(HttpStatusCode.NoContent);
        var healed = await _api.PostAsync("sessions", Bodies.Session());

        faulted.Status.Should().Be(HttpStatusCode.BadGateway);
        ping.Status.Should().Be(HttpStatusCode.OK, "admin endpoints are never faulted");
        healed.Status.Should().Be(HttpStatusCode.Created);
        _host.State.Counts().Sessions.Should().Be(1, "a faulted request reaches no handler");
    }

    [Fact]
    public async Task Faults_PathFilter_OnlyMatchingPathsAreFaulted()
    {
        _host.Faults.Set(new FaultSettings { ErrorRate = 1, ErrorStatus = 500, PathContains = "dg_" });

        (await _api.PostAsync("dg_offers", Bodies.OfferRequest("dg"))).Status.Should().Be(HttpStatusCode.InternalServerError);
        (await _api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"))).Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Faults_ResetRateOne_ConnectionIsAborted()
    {
        _host.Faults.Set(new FaultSettings { ResetRate = 1 });

        var call = () => _api.PostAsync("sessions", Bodies.Session());

        await call.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Faults_Latency_DelaysAtLeastThatLong()
    {
        _host.Faults.Set(new FaultSettings { LatencyMs = 300 });
        var watch = Stopwatch.StartNew();

        await _api.PostAsync("sessions", Bodies.Session());

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task Faults_Stall_DelaysTheNextRequestThenDisarms()
    {
        (await AdminAsync(HttpMethod.Post, "faults", "{\"stall_ms\":400}")).Status.Should().Be(HttpStatusCode.OK);
        _host.Faults.StallArmed.Should().BeTrue();
        var watch = Stopwatch.StartNew();

        var reply = await _api.PostAsync("sessions", Bodies.Session());

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        reply.Status.Should().Be(HttpStatusCode.Created);
        _host.Faults.StallArmed.Should().BeFalse("the stall is one-off");
    }

    [Theory]
    [InlineData("{\"error_rate\":2}", "error_rate")]
    [InlineData("{\"latency_ms\":-1}", "latency_ms")]
    [InlineData("{\"error_status\":200}", "error_status")]
    [InlineData("{\"latency\":5}", "latency")]
    [InlineData("{", "JSON")]
    public async Task Faults_BadSettings_Answers400NamingTheProblem(string body, string named)
    {
        var reply = await AdminAsync(HttpMethod.Post, "faults", body);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain(named);
        _host.Faults.Current.Should().BeNull();
    }

    [Fact]
    public async Task Break_RemoveField_ResponseLacksItUntilCleared()
    {
        (await AdminAsync(HttpMethod.Post, "break", "{\"operation_id\":\"postCfar_offers\",\"field\":\"premium\"}")).Status.Should().Be(HttpStatusCode.OK);

        var broken = await _api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"));
        await AdminAsync(HttpMethod.Delete, "break");
        var healed = await _api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"));

        broken.Json![0]!.AsObject().ContainsKey("premium").Should().BeFalse();
        healed.Json![0]!.AsObject().ContainsKey("premium").Should().BeTrue();
    }

    [Fact]
    public async Task Break_RenameNestedField_RenamesIt()
    {
        await AdminAsync(HttpMethod.Post, "break", "{\"operation_id\":\"postAuth\",\"field\":\"access_token\",\"rename_to\":\"accessToken\"}");

        var reply = await _api.SendAsync(HttpMethod.Post, "auth", new JsonObject { ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret" }, null);

        reply.Json!.AsObject().ContainsKey("access_token").Should().BeFalse();
        reply.Json!["accessToken"].Should().NotBeNull();
    }

    [Fact]
    public async Task Break_UnknownOperation_Answers400()
    {
        var reply = await AdminAsync(HttpMethod.Post, "break", "{\"operation_id\":\"postNothing\",\"field\":\"x\"}");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain("postNothing");
    }

    [Fact]
    public async Task Admin_Disabled_Answers404()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Quiet = true });
        using var api = await ApiClient.ConnectAsync(host);

        (await api.SendRawAsync(HttpMethod.Get, "/_admin/ping", null, null)).Status.Should().Be(HttpStatusCode.NotFound);
        (await api.SendRawAsync(HttpMethod.Post, "/_admin/faults", "{}", null)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("192.168.1.2", false)]
    public void IsLoopback_Address_AllowsOnlyLoopback(string address, bool allowed)
    {
        AdminEndpoints.IsLoopback(IPAddress.Parse(address)).Should().Be(allowed);
    }

    [Fact]
    public void IsLoopback_NoAddress_Refuses()
    {
        AdminEndpoints.IsLoopback(null).Should().BeFalse();
    }
}
