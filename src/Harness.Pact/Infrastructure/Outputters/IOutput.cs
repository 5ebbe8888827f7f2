namespace Harness.Pact.Infrastructure.Outputters;

/// <summary>Where Harness.Pact writes its log lines (mock server and verifier logs): PactNet's output abstraction.</summary>
public interface IOutput
{
    /// <summary>Writes one line.</summary>
    void WriteLine(string line);
}

/// <summary>Writes to the process's standard output; the default outputter of <see cref="PactConfig"/> and <see cref="Verifier.PactVerifierConfig"/>.</summary>
public class ConsoleOutput : IOutput
{
    public void WriteLine(string line) => Console.WriteLine(line);
}
