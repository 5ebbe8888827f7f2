namespace Harness.Load.Tests.Profiles;

/// <summary>
/// Short bounded runs of the real profiles through the CLI against the sandbox started in-process, judged on counts and
/// statuses, never on the clock: the rate the generator reaches and the stall a sandbox fault shows in corrected latency
/// are load/bench/bench.sh's (real clock), the engine's scheduling and correction are Engine/ScenarioEngineTests' (virtual).
/// </summary>
public sealed class AirlineProfileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-profiles-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly SandboxTargetFactory _sandbox = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string, string[]> ProfileSteps => new()
    {
        { "offers", ["create_session:201", "create_cfar_offers:201", "create_dg_offers:201"] },
        { "events", ["offers_displayed:204", "booking_confirmed:204"] },
        { "cfar_offer_fixed", ["create_cfar_offers:201"] },
        { "cfar_offer_prepared", ["create_cfar_offers:201"] },
        { "journey", ["create_session:201", "create_cfar_offers:201", "create_cfar_contract:201", "confirm_cfar_contract:200", "process_cfar_payment:200"] },
    };

    [Theory]
    [MemberData(nameof(ProfileSteps))]
    public async Task Run_ProfileAgainstInProcessSandbox_PassesWithEveryStepAndItsStatus(string profile, string[] expectedSteps)
    {
        using var summary = await RunAsync(["run", profile, "--rate", "100", "--duration", "1s", "--warmup", "0s"]);

        // Not the verdict: its latency thresholds judge the machine as much as the profile, and CI shares two cores.
        var root = summary.RootElement;
        root.GetProperty("incomplete").GetBoolean().Should().BeFalse();
        root.GetProperty("requests").GetProperty("total").GetInt64().Should().Be(100);
        root.GetProperty("requests").GetProperty("fail").GetInt64().Should().Be(0);
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("name").GetString() + ":" + string.Join(",", s.GetProperty("by_status").EnumerateObject().Select(p => p.Name)))
            .Should().BeEquivalentTo(expectedSteps, "every step ran and answered the spec's success status (steps are listed in the order first seen)");
        steps.Should().OnlyContain(s => s.GetProperty("fail").GetInt64() == 0);
        long Ok(string name) => steps.Single(s => s.GetProperty("name").GetString() == name).GetProperty("ok").GetInt64();
        switch (profile)
        {
            case "offers":
                (Ok("create_cfar_offers") + Ok("create_dg_offers")).Should().Be(Ok("create_session"), "each iteration asks for one kind of offer");
                Ok("create_cfar_offers").Should().BeGreaterThan(Ok("create_dg_offers"), "cfar_weight is 0.7");
                break;
            case "events":
                (Ok("offers_displayed") + Ok("booking_confirmed")).Should().Be(100);
                break;
            case "journey":
                Ok("create_cfar_contract").Should().Be(Ok("confirm_cfar_contract") + Ok("process_cfar_payment"));
                Ok("create_cfar_offers").Should().Be(100);
                Ok("create_cfar_contract").Should().BeLessThan(Ok("create_cfar_offers"), "60 % of journeys only browse");
                break;
        }
    }

    [Fact]
    public async Task Run_OffersWithFewerTripsThanIterations_ReusesTripsWithoutFailures()
    {
        // Every faker trip is used 20 times: a reused airline-supplied session_id would be refused (422).
        var settings = Path.Combine(_dir, "profiles");
        Directory.CreateDirectory(settings);
        await File.WriteAllTextAsync(Path.Combine(settings, "offers.json"), """{ "options": { "cfar_weight": 0.5, "trips": 5 } }""");
        var catalog = new ProfileCatalog([OffersScenario.Definition], settings);

        using var summary = await RunAsync(["run", "offers", "--rate", "100", "--duration", "1s", "--warmup", "0s"], catalog);

        summary.RootElement.GetProperty("requests").GetProperty("ok").GetInt64().Should().Be(100);
        summary.RootElement.GetProperty("requests").GetProperty("fail").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Run_NoTarget_StartsTheSandboxAndStopsItAfterwards()
    {
        using var summary = await RunAsync(["run", "ping", "--rate", "20", "--duration", "1s", "--warmup", "0s"]);

        var target = new Uri(summary.RootElement.GetProperty("target").GetString()!);
        TargetPolicy.IsLoopback(target).Should().BeTrue();
        summary.RootElement.GetProperty("requests").GetProperty("ok").GetInt64().Should().Be(20, "the run reached a live sandbox");
        _sandbox.Current.Should().BeNull();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var afterwards = () => http.GetAsync(new Uri(target, "_admin/ping"));
        await afterwards.Should().ThrowAsync<HttpRequestException>("the sandbox was stopped with the run");
    }

    [Fact]
    public void CreateScenario_UnknownOption_ThrowsNamingIt()
    {
        using var http = new HttpClient();
        var context = new ProfileContext(new Uri("http://127.0.0.1:1/"), null, http, 1)
        {
            Options = new Dictionary<string, double> { ["cfar_wieght"] = 0.5 },
        };

        var create = () => OffersScenario.Create(context);

        create.Should().Throw<ArgumentException>().WithMessage("*offers*cfar_wieght*known: cfar_weight*");
    }

    [Fact]
    public void CreateScenario_WeightOutOfRange_ThrowsNamingTheOption()
    {
        using var http = new HttpClient();
        var context = new ProfileContext(new Uri("http://127.0.0.1:1/"), null, http, 1)
        {
            Options = new Dictionary<string, double> { [OffersScenario.CfarWeightOption] = 1.5 },
        };

        var create = () => OffersScenario.Create(context);

        create.Should().Throw<ArgumentException>().WithMessage("*cfar_weight must be between 0 and 1*1.5*");
    }

    private async Task<JsonDocument> RunAsync(string[] args, ProfileCatalog? catalog = null)
    {
        var outDir = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        var cli = new LoadCli(catalog ?? ProfileCatalog.BuiltIn(), _sandbox, _out, _err);

        var exit = await cli.InvokeAsync([.. args, "--out", outDir, "--quiet"], CancellationToken.None);

        // 0 pass, 1 a latency threshold missed, 3 the generator fell behind: all still write a full report. 2 is a usage error.
        exit.Should().BeOneOf([0, 1, 3], _err.ToString());
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
    }
}
