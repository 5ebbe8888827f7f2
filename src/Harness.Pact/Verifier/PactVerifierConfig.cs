using Harness.Pact.Infrastructure.Outputters;

namespace Harness.Pact.Verifier;

/// <summary>Settings of a <see cref="PactVerifier"/>: PactNet's <c>PactVerifierConfig</c>.</summary>
public class PactVerifierConfig
{
    /// <summary>Level of the Pact engine's log (default <see cref="PactLogLevel.Information"/>).</summary>
    public PactLogLevel LogLevel { get; set; } = PactLogLevel.Information;

    /// <summary>Where the verifier's report goes after each run. Default: the console.</summary>
    public IEnumerable<IOutput> Outputters { get; set; } = new List<IOutput> { new ConsoleOutput() };

    /// <summary>Writes a line to every configured outputter.</summary>
    public void WriteLine(string line) => Outputs.Write(Outputters, line);
}
