using System.Text.Json;
using Harness.Pact.Infrastructure.Outputters;

namespace Harness.Pact;

/// <summary>Settings for one consumer pact (<see cref="Pact.V4(string, string, PactConfig)"/>): PactNet's <c>PactConfig</c>.</summary>
public class PactConfig
{
    private string? _pactDir;

    /// <summary>
    /// Folder the pact file is written to. Default: contracts/pacts under the repository root when the tests run inside
    /// this repository (the folder holding Harness.sln); elsewhere PactNet's default, <c>pacts</c> three folders above the
    /// test assembly (the test project's folder).
    /// </summary>
    public string PactDir
    {
        get => _pactDir ??= DefaultPactDir();
        set => _pactDir = value;
    }

    /// <summary>
    /// Level of the Pact engine's log (default <see cref="PactLogLevel.Information"/>, as PactNet). The mock server's log
    /// is written to <see cref="Outputters"/> after each verification and attached to
    /// <see cref="PactVerificationException.Logs"/>. The engine has one logger per process: the first pact that asks for a
    /// level other than <see cref="PactLogLevel.None"/> sets it for the rest of the process.
    /// </summary>
    public PactLogLevel LogLevel { get; set; } = PactLogLevel.Information;

    /// <summary>Where log lines go. Default: the console; in xunit tests use <c>Harness.Pact.Output.Xunit.XunitOutput</c>.</summary>
    public IEnumerable<IOutput> Outputters { get; set; } = new List<IOutput> { new ConsoleOutput() };

    /// <summary>
    /// How request, response and message bodies are serialised. Default: System.Text.Json defaults. The Airline API
    /// wants snake_case: pass options with <see cref="JsonNamingPolicy.SnakeCaseLower"/>.
    /// </summary>
    public JsonSerializerOptions DefaultJsonSettings { get; set; } = new();

    /// <summary>Writes a line to every configured outputter.</summary>
    public void WriteLine(string line) => Outputs.Write(Outputters, line);

    private static string DefaultPactDir()
    {
        try
        {
            return PactTools.DefaultPactDir;
        }
        catch (DirectoryNotFoundException)
        {
            // Not inside this repository (a partner's own solution): PactNet's default.
            return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "pacts"));
        }
    }
}

/// <summary>Level of the Pact engine's log, in PactNet's order.</summary>
public enum PactLogLevel
{
    Trace,
    Debug,
    Information,
    Warn,
    Error,
    None,
}
