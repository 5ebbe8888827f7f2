namespace Harness.Sandbox.Tests.Support;

/// <summary>One sandbox on a random loopback port shared by the tests of the "sandbox" collection (run one at a time).</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHost? _host;

    public SandboxHost Host => _host ?? throw new InvalidOperationException("The sandbox has not started.");

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new SandboxOptions
        {
            EnableAdmin = true,
            EnableProviderStates = true,
            Quiet = true,
            Clients =
            [
                new SandboxClient(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret, "cfar", "dg"),
                new SandboxClient("cfar-only", "cfar-secret", "cfar"),
                new SandboxClient("dg-only", "dg-secret", "dg"),
            ],
        });
        Api = await ApiClient.ConnectAsync(_host);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
