namespace Harness.Pact.Tests.Support;

/// <summary>Base of tests that write pacts to a scratch folder and call mock servers and providers over HTTP.</summary>
public abstract class ScratchPacts : IDisposable
{
    protected TempDirectory Pacts { get; } = new();

    protected HttpClient Http { get; } = new();

    public void Dispose()
    {
        Http.Dispose();
        Pacts.Dispose();
        GC.SuppressFinalize(this);
    }
}
