namespace Harness.Pact.Infrastructure.Outputters;

/// <summary>Writes a block of log text to every configured output, line by line.</summary>
internal static class Outputs
{
    internal static void Write(IEnumerable<IOutput>? outputters, string? text)
    {
        if (outputters is null || string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var output in outputters)
        {
            output.WriteLine(text);
        }
    }
}
