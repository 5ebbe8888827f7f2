using Harness.Pact.Infrastructure.Outputters;
using Xunit.Abstractions;

namespace Harness.Pact.Output.Xunit;

/// <summary>Writes Harness.Pact's log lines to xunit's test output: PactNet.Output.Xunit's <c>XunitOutput</c>.</summary>
public class XunitOutput : IOutput
{
    private readonly ITestOutputHelper _output;

    /// <param name="output">The test's output helper (a test class constructor parameter).</param>
    public XunitOutput(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        this._output = output;
    }

    public void WriteLine(string line) => _output.WriteLine(line);
}
