namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// A test class with a fresh <see cref="BrokerSession"/> per test. Every output a test records is written to the test
/// log at the end, with the broker's request log, and none of it may carry the broker token.
/// </summary>
public abstract class BrokerSessionTest(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _outputs = [];

    protected BrokerSession Session { get; private set; } = null!;

    public async Task InitializeAsync() => Session = await BrokerSession.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var text in _outputs)
            output.WriteLine(text);
        output.WriteLine("--- broker requests\n" + string.Join('\n', Session.Broker.Requests));
        // Whatever a test ran, no output may carry the broker token.
        _outputs.Should().AllSatisfy(o => o.Should().NotContain(BrokerSession.Token));
        await Session.DisposeAsync();
    }

    /// <summary>Keeps a child process's output for the log and the token check.</summary>
    protected CommandResult Record(CommandResult result)
    {
        _outputs.Add(result.ToString());
        return result;
    }

    /// <summary>Keeps the harness verifier's output (or failure message) for the log and the token check.</summary>
    protected void RecordVerifierOutput(string text) => _outputs.Add("--- harness verifier\n" + text);

    /// <summary>Runs <c>pact args...</c> with the session's broker URL and token.</summary>
    protected async Task<CommandResult> PactAsync(params string[] args) =>
        Record(await CommandRunner.PactAsync(Session.Environment(), args));
}
