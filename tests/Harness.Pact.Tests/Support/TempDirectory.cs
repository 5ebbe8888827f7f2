namespace Harness.Pact.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose; tests never write into contracts/pacts.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "harness-pact-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string PactFile(string consumer, string provider) => System.IO.Path.Combine(Path, $"{consumer}-{provider}.json");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
