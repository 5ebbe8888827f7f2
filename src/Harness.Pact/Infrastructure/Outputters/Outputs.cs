namespace Harness.Pact.Infrastructure.Outputters;

/// <summary>Writes a block of log text, credentials masked, to every configured output.</summary>
internal static class Outputs
{
    internal static void Write(IEnumerable<IOutput>? outputters, string? text)
    {
        if (outputters is null || string.IsNullOrEmpty(text))
        {
            return;
        }

        var redacted = Redaction.Redact(text);
        foreach (var output in outputters)
        {
            output.WriteLine(redacted);
        }
    }
}
