namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>
/// Where the Fulfilment API → Orders API pact lives, as in PactNet's sample: beside the tests (PactNetStyle/pacts),
/// written by the consumer tests and read by the provider tests. The classes share one xunit collection so the pact
/// file is never read while it is being written.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OrdersPact
{
    public const string Name = "Fulfilment API-Orders API pact";

    public static string PactDir { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "PactNetStyle", "pacts"));

    public static string PactFile { get; } = Path.Combine(PactDir, "Fulfilment API-Orders API.json");
}
