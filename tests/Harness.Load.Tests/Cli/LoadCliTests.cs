namespace Harness.Load.Tests.Cli;

/// <summary>
/// The airline CLI end to end on the virtual clock: the ping profile's own code (its HTTP step, status mapping, ping.json's
/// thresholds, the reports) runs unchanged, and only the socket is replaced by a <see cref="VirtualTarget"/> (see
/// <see cref="VirtualRun"/>), so every verdict and count is exact whatever else the machine is doing.
/// </summary>
public sealed class LoadCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly VirtualRun _run = new();

    private static string Target => VirtualRun.TargetUrl.ToString();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Run_AgainstLocalTarget_WritesWellFormedReportsAndPasses()
    {
        var outDir = Path.Combine(_dir, "run");
        _run.Target.Latency = TimeSpan.FromMilliseconds(5);

        var exit = await RunAsync("run", "ping", "--target", Target, "--rate", "100", "--duration", "2s", "--warmup", "1s", "--out", outDir, "--seed", "7", "--quiet");

        exit.Should().Be(0, _err.ToString());
        _run.Target.Requests.Should().Equal(new Dictionary<string, long> { ["GET /_admin/ping"] = 300 }, "100/s for the 1 s warm-up and the 2 s measured");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var root = json.RootElement;
        root.GetProperty("profile").GetString().Should().Be("ping");
        root.GetProperty("model").GetString().Should().Be("open");
        root.GetProperty("seed").GetInt32().Should().Be(7);
        root.GetProperty("incomplete").GetBoolean().Should().BeFalse();
        root.GetProperty("verdict").GetString().Should().Be("pass");
        root.GetProperty("target_rate").GetDouble().Should().Be(100);
        root.GetProperty("achieved_rate").GetDouble().Should().Be(100);
        root.GetProperty("late").GetInt64().Should().Be(0);
        root.GetProperty("requests").GetProperty("ok").GetInt64().Should().Be(200);
        root.GetProperty("requests").GetProperty("fail").GetInt64().Should().Be(0);
        root.GetProperty("requests").GetProperty("by_status").GetProperty("200").GetInt64().Should().Be(200);
        // The target answers every request in 5 ms of virtual time, and nothing starts late: both latencies are 5 ms.
        root.GetProperty("latency_ms").GetProperty("corrected").GetProperty("p99").GetDouble().Should().BeApproximately(5, 0.01);
        root.GetProperty("latency_ms").GetProperty("service").GetProperty("p99_9").GetDouble().Should().BeApproximately(5, 0.01);
        root.GetProperty("steps")[0].GetProperty("name").GetString().Should().Be("ping");
        root.GetProperty("thresholds").EnumerateArray().Select(t => t.GetProperty("check").GetString()).Should().Contain("p99_ms <= 250");
        root.GetProperty("thresholds").EnumerateArray().Should().OnlyContain(t => t.GetProperty("passed").GetBoolean());

        var csv = await File.ReadAllLinesAsync(Path.Combine(outDir, "report.csv"));
        csv[0].Should().Be("second,phase,target_rate,started,completed,ok,fail,achieved_rate,p50_ms,p99_corrected_ms,p99_service_ms");
        csv.Skip(1).Should().OnlyContain(line => line.Split(',').Length == 11);
        csv.Skip(1).Select(line => line.Split(',')[3]).Should().Equal(["100", "100", "100"], "warm-up starts appear in the series too, 100 a second");
        csv[1].Should().Contain(",warmup,");

        var md = await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"));
        md.Should().StartWith("## Load run: `ping`").And.Contain("| **iteration, corrected** |").And.Contain("### Thresholds");

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n");
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("src=");
        var charts = SvgElements(html);
        charts.Should().HaveCount(3);
        foreach (var svg in charts)
            XDocument.Parse(svg).Root!.Descendants().Should().Contain(e => e.Name.LocalName == "path");
        _out.ToString().Should().Contain("| **iteration, corrected** |");
    }

    [Fact]
    public async Task Run_Cancelled_WritesPartialReportMarkedIncomplete()
    {
        var outDir = Path.Combine(_dir, "cancelled");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), _run.Time);

        var exit = await _run.DriveAsync(() => Cli().InvokeAsync(["run", "ping", "--target", Target, "--rate", "100", "--duration", "60s", "--warmup", "0s", "--out", outDir, "--quiet"], cts.Token));

        exit.Should().Be(130);
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(outDir, "summary.json"), CancellationToken.None);
        summary.Incomplete.Should().BeTrue();
        summary.Verdict.Should().Be("incomplete");
        summary.Requests.Ok.Should().Be(200, "100/s until the caller cancels at 2 s");
        summary.DurationS.Should().Be(2);
        File.Exists(Path.Combine(outDir, "report.html")).Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(outDir, "report.md"))).Should().Contain("Incomplete");
    }

    [Fact]
    public async Task Run_ThresholdBroken_ExitsOne()
    {
        _run.Target.StatusCode = 500;

        var exit = await RunAsync("run", "ping", "--target", Target, "--rate", "50", "--duration", "1s", "--warmup", "0s", "--out", Path.Combine(_dir, "t"), "--quiet");

        exit.Should().Be(1);
        _out.ToString().Should().Contain("error_rate_pct").And.Contain("❌ fail");
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(_dir, "t", "summary.json"), CancellationToken.None);
        summary.Verdict.Should().Be("fail");
        summary.Requests.ByStatus.Should().Equal(new Dictionary<string, long> { ["500"] = 50 });
    }

    [Fact]
    public async Task Run_GeneratorFallsBehind_FailsTheSanityCheckWithExitThree()
    {
        // One request in flight at a time against a 100 ms target cannot sustain 50/s: arrivals queue, and the 50 of them
        // take 5 s, the last starting at 4.9 s. Every arrival (each 20 ms) and answer (each 100 ms) falls on a 10 ms step
        // of the clock, so it moves 10 ms at a time: the same numbers as 1 ms steps, a tenth of the dispatcher's wake-ups.
        var run = new VirtualRun { Tick = TimeSpan.FromMilliseconds(10) };
        run.Target.Latency = TimeSpan.FromMilliseconds(100);

        var exit = await run.DriveAsync(() => run.Cli(_out, _err).InvokeAsync(["run", "ping", "--target", Target, "--rate", "50", "--duration", "1s", "--warmup", "0s", "--max-in-flight", "1", "--out", Path.Combine(_dir, "s"), "--quiet"], CancellationToken.None));

        exit.Should().Be(3);
        var summary = await ReportWriter.ReadSummaryAsync(Path.Combine(_dir, "s", "summary.json"), CancellationToken.None);
        summary.Sanity.Passed.Should().BeFalse();
        summary.TargetRate.Should().Be(50);
        summary.AchievedRate.Should().BeApproximately(50 / 4.9, 0.01).And.BeLessThan(summary.TargetRate!.Value * 0.5);
        summary.Requests.Ok.Should().Be(50);
        summary.LatencyMs.Corrected.Max.Should().BeApproximately(4020, 4020 * 0.01, "the last arrival was due at 0.98 s and answered at 5.0 s");
    }

    [Fact]
    public async Task Run_RemoteTarget_IsRefusedWithExitTwo()
    {
        var exit = await Cli().InvokeAsync(["run", "ping", "--target", "https://api.example.com", "--rate", "10"], CancellationToken.None);

        exit.Should().Be(2);
        _err.ToString().Should().Contain("refusing").And.Contain("--allow-remote");
    }

    [Fact]
    public async Task Run_NoTarget_SaysSo()
    {
        var exit = await Cli().InvokeAsync(["run", "ping", "--duration", "1s"], CancellationToken.None);

        exit.Should().Be(2);
        _err.ToString().Should().Contain("no target");
    }

    [Theory]
    [InlineData("--rate", "10", "--concurrency", "2")]
    [InlineData("--duration", "forever", "--rate", "10")]
    [InlineData("--ramp", "soon", "--rate", "10")]
    [InlineData("--rate", "-5", "--duration", "1s")]
    public async Task Run_BadOptions_ExitTwo(string a, string b, string c, string d)
    {
        var exit = await RunAsync("run", "ping", "--target", Target, a, b, c, d);

        exit.Should().Be(2);
        _err.ToString().Should().StartWith("error: ");
        _run.Target.Calls.Should().Be(0);
    }

    [Fact]
    public async Task Run_UnknownProfile_ListsTheKnownOnes()
    {
        var exit = await RunAsync("run", "nope", "--target", Target);

        exit.Should().Be(2);
        _err.ToString().Should().Contain("unknown profile 'nope'").And.Contain("ping");
    }

    [Fact]
    public async Task Run_SaveBaselineThenCompareAgainstIt_Passes()
    {
        var baseline = Path.Combine(_dir, "baseline.json");
        _run.Target.Latency = TimeSpan.FromMilliseconds(2);
        var first = await RunAsync("run", "ping", "--target", Target, "--rate", "50", "--duration", "1s", "--warmup", "0s", "--out", Path.Combine(_dir, "a"), "--save-baseline", baseline, "--quiet");

        var compare = await Cli().InvokeAsync(["compare", Path.Combine(_dir, "a", "summary.json"), baseline], CancellationToken.None);

        first.Should().Be(0, _err.ToString());
        compare.Should().Be(0);
        _out.ToString().Should().Contain("p95_pct").And.Contain("✅ pass");
        (await ReportWriter.ReadSummaryAsync(baseline, CancellationToken.None)).Requests.Ok.Should().Be(50);
    }

    [Fact]
    public async Task Compare_Regressed_ExitsOneWithVerdictTable()
    {
        var baseline = Path.Combine(_dir, "b.json");
        var current = Path.Combine(_dir, "c.json");
        await File.WriteAllTextAsync(baseline, ReportWriter.ToJson(Summaries.With(p95: 10)));
        await File.WriteAllTextAsync(current, ReportWriter.ToJson(Summaries.With(p95: 20)));

        var exit = await Cli().InvokeAsync(["compare", current, baseline], CancellationToken.None);

        exit.Should().Be(1);
        _out.ToString().Should().Contain("| p95_pct | 10 | <= 11.5 | 20 | ❌ fail |");
    }

    [Fact]
    public async Task Compare_MissingFile_ExitsTwo()
    {
        var exit = await Cli().InvokeAsync(["compare", Path.Combine(_dir, "none.json"), Path.Combine(_dir, "none.json")], CancellationToken.None);

        exit.Should().Be(2);
        _err.ToString().Should().Contain("not found");
    }

    [Fact]
    public async Task Profiles_Lists_Ping()
    {
        var exit = await Cli().InvokeAsync(["profiles"], CancellationToken.None);

        exit.Should().Be(0);
        _out.ToString().Should().Contain("ping").And.Contain("_admin/ping");
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwo()
    {
        var exit = await Cli().InvokeAsync(["run", "ping", "--rat", "5"], CancellationToken.None);

        exit.Should().Be(2);
    }

    [Fact]
    public void ProfileSettings_TypoInKey_IsAnErrorNamingTheFile()
    {
        var path = Path.Combine(_dir, "typo.json");
        File.WriteAllText(path, """{ "thresholds": { "p99_msec": 5 } }""");

        var act = () => ProfileSettings.Read(path);

        act.Should().Throw<InvalidDataException>().WithMessage("*typo.json*p99_msec*");
    }

    [Fact]
    public void BuiltInPingJson_IsValid()
    {
        var settings = ProfileCatalog.BuiltIn().Settings("ping");

        settings.Thresholds!.P99Ms.Should().Be(250);
        settings.BaselineTolerances!.AchievedRatePct.Should().Be(-5);
        settings.Http.RequestTimeout.Should().Be(TimeSpan.FromSeconds(10));
    }

    private LoadCli Cli() => _run.Cli(_out, _err);

    /// <summary>The CLI invoked with <paramref name="args"/>, its run (if any) driven on the virtual clock.</summary>
    private Task<int> RunAsync(params string[] args) => _run.DriveAsync(() => Cli().InvokeAsync(args, CancellationToken.None));

    private static List<string> SvgElements(string html)
    {
        var found = new List<string>();
        for (var at = html.IndexOf("<svg", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<svg", at + 1, StringComparison.Ordinal))
        {
            var end = html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            found.Add(html[at..end]);
        }

        return found;
    }
}
