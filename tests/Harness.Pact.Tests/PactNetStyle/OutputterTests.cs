namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>Outputters: XunitOutput writes to the test's output, and credentials in the engine's Debug log never reach one.</summary>
public sealed class OutputterTests
{
    // Lines as the mock server logs a request at Debug level (pact_mock_server::hyper_server).
    private const string DebugLog = """
        headers: Some({"authorization": ["Bearer SECRET-TOKEN-XYZ"], "content-type": ["application/json"], "host": ["127.0.0.1:44749"]})
        body: Present(27 bytes, application/json) '{"client_id":"sandbox-client","client_secret":"SECRET2","access_token":"SECRET3"}'
        Request did not match - HTTP Request ( method: GET, headers: Some({"Authorization": ["Basic dXNlcjpTRUNSRVQ0"]}) )
        header X-Api-Key = "SECRET5", and a stray Bearer SECRET6 in a message
        """;

    [Fact]
    public void Redact_DebugLogWithCredentials_MasksEveryOneAndKeepsTheRest()
    {
        var redacted = Redaction.Redact(DebugLog);

        redacted.Should().NotContainAny("SECRET", "dXNlcjpTRUNSRVQ0")
            .And.Contain("\"authorization\": [\"***\"]")
            .And.Contain("\"client_secret\":\"***\"")
            .And.Contain("\"client_id\":\"sandbox-client\"")
            .And.Contain("\"host\": [\"127.0.0.1:44749\"]");
    }

    [Fact]
    public void Write_ToOutputters_WritesTheRedactedText()
    {
        var lines = new List<string>();
        var config = new PactConfig { Outputters = [new ListOutput(lines)] };

        config.WriteLine("""headers: Some({"authorization": ["Bearer SECRET-TOKEN-XYZ"]})""");

        lines.Should().ContainSingle().Which.Should().NotContain("SECRET");
    }

    [Fact]
    public void XunitOutput_WriteLine_WritesToTheTestOutputHelper()
    {
        var helper = new RecordingHelper();
        var config = new PactConfig { Outputters = [new XunitOutput(helper)] };

        config.WriteLine("Mock server logs:");

        helper.Lines.Should().Equal("Mock server logs:");
    }

    private sealed class ListOutput(List<string> lines) : IOutput
    {
        public void WriteLine(string line) => lines.Add(line);
    }

    private sealed class RecordingHelper : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
