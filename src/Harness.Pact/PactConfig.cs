using System.Text.Json;

namespace Harness.Pact;

/// <summary>Settings for one consumer pact (<see cref="Pact.V4"/>).</summary>
public sealed class PactConfig
{
    /// <summary>Folder the pact file is written to. Default: contracts/pacts under the repository root.</summary>
    public string? PactDir { get; set; }

    /// <summary>
    /// Level of the Pact engine's own log, kept in memory and attached to <see cref="PactVerificationException.Logs"/>.
    /// The engine has one logger per process: the first pact that asks for a level other than
    /// <see cref="PactLogLevel.None"/> sets it for the rest of the process.
    /// </summary>
    public PactLogLevel LogLevel { get; set; } = PactLogLevel.None;

    /// <summary>
    /// How request, response and message bodies are serialised. Default: System.Text.Json defaults. The Airline API
    /// wants snake_case: pass options with <see cref="JsonNamingPolicy.SnakeCaseLower"/>.
    /// </summary>
    public JsonSerializerOptions DefaultJsonSettings { get; set; } = new();
}

/// <summary>Level of the Pact engine's log.</summary>
public enum PactLogLevel
{
    None,
    Error,
    Warn,
    Information,
    Debug,
    Trace,
}
