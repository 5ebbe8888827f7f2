namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// Per-test wiring: a fresh <see cref="PactBrokerTestDouble"/> that requires <see cref="Token"/>, the broker
/// environment variables a CI job would set, and a temporary pact directory holding <see cref="SamplePact"/>.
/// </summary>
public sealed class BrokerSession : IAsyncDisposable
{
    /// <summary>A secret the tests assert never shows up in any output.</summary>
    public const string Token = "hx-broker-token-6c1d0f9e2b";

    private BrokerSession(PactBrokerTestDouble broker, string pactDirectory)
    {
        Broker = broker;
        PactDirectory = pactDirectory;
    }

    public PactBrokerTestDouble Broker { get; }

    public string PactDirectory { get; }

    public string BrokerUrl => Broker.BaseUrl.ToString().TrimEnd('/');

    /// <summary>PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN, plus any extra variables.</summary>
    public Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PACT_BROKER_BASE_URL"] = BrokerUrl,
            ["PACT_BROKER_TOKEN"] = Token,
        };
        foreach (var (name, value) in extra)
            environment[name] = value;
        return environment;
    }

    public static async Task<BrokerSession> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "harness-broker-tests", Guid.NewGuid().ToString("N"), "pacts");
        SamplePact.WriteTo(directory);
        return new BrokerSession(await PactBrokerTestDouble.StartAsync(requiredToken: Token), directory);
    }

    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(PactDirectory)!, recursive: true);
    }
}
