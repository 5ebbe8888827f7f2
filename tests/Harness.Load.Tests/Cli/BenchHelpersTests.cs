using System.Globalization;
using System.Text.RegularExpressions;
using Harness.Client;

namespace Harness.Load.Tests.Cli;

/// <summary>
/// The CLI's bench helpers: <c>bench-http-floor</c> (the bare HttpClient loops load/bench/bench.sh compares with wrk and
/// the engine) against the sandbox started in-process, and the socket setting the CLI's Program applies first.
/// The floor's figures are the bench's; here only what it counts and refuses (its verdict reads no clock).
/// One class: both touch process-wide environment variables, and xunit runs a class's tests one at a time.
/// </summary>
public sealed class BenchHelpersTests(BenchHelpersTests.OneSandbox sandbox) : IClassFixture<BenchHelpersTests.OneSandbox>, IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly HttpClient _http = new();
    private readonly string? _token = Environment.GetEnvironmentVariable(HttpFloor.TokenVariable);

    private SandboxHost Sandbox => sandbox.Host;

    /// <summary>One in-process sandbox for the class: the floor only creates offers, which nothing here reads back.</summary>
    public sealed class OneSandbox : IAsyncLifetime
    {
        private SandboxHost? _host;

        public SandboxHost Host => _host!;

        public async Task InitializeAsync() =>
            _host = await SandboxHost.StartAsync(new SandboxOptions { Host = "127.0.0.1", Port = 0, Quiet = true });

        public async Task DisposeAsync()
        {
            if (_host is not null)
                await _host.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, _token);
        _out.Dispose();
        _err.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task HttpFloor_Raw_SendsThePreparedRequestAndCountsOnlyCreatedOffers()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, await TokenAsync());

        var exit = await FloorAsync("--raw", "--target", Sandbox.BaseUrl.ToString(), "--concurrency", "4", "--duration", "1s", "--warmup", "0s");

        exit.Should().Be(0, _err.ToString());
        var line = Regex.Match(_out.ToString(), @"raw floor: (\d+) req/s, [0-9.]+ µs CPU per request, (\d+) not 2xx, 4 connections");
        line.Success.Should().BeTrue(_out.ToString());
        long.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture).Should().BePositive();
        line.Groups[2].Value.Should().Be("0", "the prepared request is the same offer request, token included");
    }

    [Fact]
    public async Task HttpFloor_WithTheSandboxsToken_CountsOnlyCreatedOffers()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, await TokenAsync());

        var exit = await FloorAsync("--target", Sandbox.BaseUrl.ToString(), "--concurrency", "4", "--duration", "1s", "--warmup", "0s");

        exit.Should().Be(0, _err.ToString());
        var line = Regex.Match(_out.ToString(), @"http floor: (\d+) req/s, [0-9.]+ µs CPU per request, (\d+) not 2xx, 4 connections");
        line.Success.Should().BeTrue(_out.ToString());
        long.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture).Should().BePositive();
        line.Groups[2].Value.Should().Be("0", "the sandbox creates every offer the bench body asks for");
    }

    [Fact]
    public async Task HttpFloor_EveryRequestRefused_FailsAndSaysNoneSucceeded()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, "not-a-token-the-sandbox-issued");

        var exit = await FloorAsync("--target", Sandbox.BaseUrl.ToString(), "--concurrency", "2", "--duration", "1s", "--warmup", "0s");

        exit.Should().Be(3);
        _out.ToString().Should().MatchRegex(@"http floor: \d+ req/s, .*, (\d+) not 2xx").And.NotContain(" 0 not 2xx");
        _err.ToString().Should().Contain("no request succeeded");
    }

    [Fact]
    public async Task HttpFloor_WithoutAToken_NamesTheVariable()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, null);

        var exit = await FloorAsync("--target", Sandbox.BaseUrl.ToString());

        exit.Should().Be(2);
        _err.ToString().Should().Contain("set TOKEN");
    }

    [Fact]
    public async Task HttpFloor_RemoteTarget_IsRefusedBeforeAnyRequest()
    {
        Environment.SetEnvironmentVariable(HttpFloor.TokenVariable, "any");

        var exit = await FloorAsync("--target", "http://203.0.113.7:8080");

        exit.Should().Be(2);
        _err.ToString().Should().Contain("loopback targets only, not 203.0.113.7");
    }

    [Fact]
    public void SocketDefaults_Apply_TurnsInlineCompletionsOnUnlessTheEnvironmentChose()
    {
        var before = Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions);
        try
        {
            Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, null);
            SocketDefaults.Apply().Should().Be("1");
            Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions).Should().Be("1");

            Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, "0");
            SocketDefaults.Apply().Should().Be("0", "a value the user set wins");
            Environment.GetEnvironmentVariable(SocketDefaults.InlineCompletions).Should().Be("0");
        }
        finally
        {
            Environment.SetEnvironmentVariable(SocketDefaults.InlineCompletions, before);
        }
    }

    private Task<int> FloorAsync(params string[] flags) =>
        new LoadCli(ProfileCatalog.BuiltIn(), new SandboxTargetFactory(), _out, _err).InvokeAsync(["bench-http-floor", .. flags], CancellationToken.None);

    private async Task<string> TokenAsync()
    {
        using var client = AirlineSteps.CreateClient(new ProfileContext(Sandbox.BaseUrl, Sandbox.AirlineBaseUrl, _http, 1));
        return (await client.AuthenticateAsync()).RequiredBody.AccessToken;
    }
}
