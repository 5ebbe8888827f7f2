namespace Harness.Load.Tests.Packaging;

/// <summary>
/// The round trip a partner makes: <c>dotnet pack</c> Harness.Load into a local folder, restore it by name and version
/// into a scratch console project outside the solution (its own nuget.config: that folder plus the repo's configured
/// sources), run a 3 s scenario against a loopback server this test starts on port 0, and read the statistics the
/// scenario's <c>Run(args)</c> returned. Pack (of this run's build), restore, build, 3 s of load.
/// </summary>
[Trait("Category", "Packaging")]
[Trait("Category", "EndToEnd")]
public sealed partial class PackedLibraryTests : IAsyncLifetime, IDisposable
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private readonly string _dir = Directory.CreateTempSubdirectory("harness-load-pack-").FullName;
    private readonly string _version = $"0.1.0-roundtrip.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    private TestTarget _target = null!;

    public async Task InitializeAsync() => _target = await TestTarget.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        // The unique version restored into the global packages folder is this test's alone: remove it.
        var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "harness.load", _version);
        if (Directory.Exists(cached))
            Directory.Delete(cached, recursive: true);
    }

    [Fact]
    public async Task PackedLibrary_RestoredByVersionInAScratchProject_RunsAScenarioAndReturnsItsStatistics()
    {
        var repo = RepoRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_dir, "feed")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_dir, "app")).FullName;
        var reports = Path.Combine(_dir, "reports");

        // The library as this test run built it (same configuration, --no-build): packing, not compiling, is under test,
        // and a second (Release) build of the library would double the test's time.
        await RunAsync(repo, "pack", Path.Combine(repo, "load", "Harness.Load", "Harness.Load.csproj"), "-c", BuildConfiguration, "--no-build",
            "-o", feed, $"-p:Version={_version}", "--nologo", "--disable-build-servers");
        File.Exists(Path.Combine(feed, $"Harness.Load.{_version}.nupkg")).Should().BeTrue();

        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), NuGetConfig(repo, feed));
        await File.WriteAllTextAsync(Path.Combine(app, "Scratch.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Harness.Load" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using Harness.Load;

            using var httpClient = new HttpClient();
            var url = args[0];

            var scenario = Scenario.Create("partner_scenario", async context =>
            {
                var step1 = await Step.Run("ping", context, async () =>
                {
                    var request = Http.CreateRequest("GET", url).WithHeader("Accept", "text/plain");
                    return await Http.Send(httpClient, request);
                });

                return Response.Ok();
            })
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(3)));

            var result = LoadRunner.RegisterScenarios(scenario).Run(args[1..]);
            if (result.ScenarioStats.Length == 0)
                return result.ExitCode;

            var stats = result.ScenarioStats.Get("partner_scenario");
            Console.WriteLine($"RESULT ok={stats.AllOkCount} fail={stats.AllFailCount} step_ok={stats.GetStepStats("ping").Ok.Request.Count} " +
                $"status200={stats.GetStepStats("ping").Ok.StatusCodes.Get("200").Count} achieved={stats.AchievedRate:0} exit={result.ExitCode}");
            return result.ExitCode;
            """);

        // Only `dotnet run`'s own options before `--`: it hands any other to the program.
        var output = await RunAsync(app, "run", "--disable-build-servers", "--",
            new Uri(_target.BaseUrl, "_admin/ping").ToString(), "--out", reports, "--quiet");

        var result = ResultLine().Match(output);
        result.Success.Should().BeTrue(output);
        int Value(string name) => int.Parse(result.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        Value("ok").Should().Be(150, output);
        Value("fail").Should().Be(0);
        Value("step").Should().Be(150);
        Value("status").Should().Be(150);
        Value("achieved").Should().BeInRange(49, 51);
        Value("exit").Should().Be(0);
        _target.Requests.Should().Be(150);
        File.Exists(Path.Combine(reports, "summary.json")).Should().BeTrue();
        File.Exists(Path.Combine(reports, "report.html")).Should().BeTrue();
    }

    [GeneratedRegex(@"RESULT ok=(?<ok>\d+) fail=(?<fail>\d+) step_ok=(?<step>\d+) status200=(?<status>\d+) achieved=(?<achieved>\d+) exit=(?<exit>\d+)")]
    private static partial Regex ResultLine();

    /// <summary>The local feed first, then every source the repo's nuget.config names (the dependencies come from there).</summary>
    private static string NuGetConfig(string repo, string feed)
    {
        var sources = XDocument.Load(Path.Combine(repo, "nuget.config")).Descendants("packageSources").Elements("add")
            .Select(e => new XElement("add", new XAttribute("key", (string)e.Attribute("key")!), new XAttribute("value", (string)e.Attribute("value")!)));
        return new XDocument(new XElement("configuration", new XElement("packageSources",
            new XElement("clear"), new XElement("add", new XAttribute("key", "harness-local"), new XAttribute("value", feed)), sources))).ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Harness.sln not found above the test's output: run the test from the repository");
    }

    private static async Task<string> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(0, $"dotnet {string.Join(' ', args)} failed:\n{output}");
        return output;
    }
}
