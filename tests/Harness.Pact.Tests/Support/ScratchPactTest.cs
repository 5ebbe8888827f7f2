namespace Harness.Pact.Tests.Support;

/// <summary>
/// A consumer test that writes its airline pacts into a fresh temp folder and calls the mock server with one shared
/// <see cref="HttpClient"/>; both are released when xunit disposes the test class.
/// </summary>
public abstract class ScratchPactTest : IDisposable
{
    protected const string Consumer = "airline-partner";
    protected const string Provider = "hts-airlines-api";

    protected static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    protected TempDirectory Pacts { get; } = new();

    protected HttpClient Http { get; } = new();

    /// <summary>The pact file <see cref="NewPact"/>'s builders write.</summary>
    protected string PactFilePath => Pacts.PactFile(Consumer, Provider);

    public void Dispose()
    {
        Http.Dispose();
        Pacts.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <param name="jsonSettings">The body serializer; snake_case, as the airline API writes it, unless given.</param>
    protected IPactBuilderV4 NewPact(JsonSerializerOptions? jsonSettings = null) =>
        Pact.V4(Consumer, Provider, new PactConfig { PactDir = Pacts.Path, DefaultJsonSettings = jsonSettings ?? SnakeCase });
}
