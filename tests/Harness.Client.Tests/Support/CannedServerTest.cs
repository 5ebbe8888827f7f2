namespace Harness.Client.Tests.Support;

/// <summary>A test class with a fresh <see cref="CannedAirlineServer"/> per test, so each test sees only its own requests.</summary>
public abstract class CannedServerTest : IAsyncLifetime
{
    protected CannedAirlineServer Server { get; set; } = null!;

    public virtual async Task InitializeAsync() => Server = await CannedAirlineServer.StartAsync();

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>A <see cref="CannedServerTest"/> with an <see cref="AirlineApiClient"/> pointed at the server.</summary>
public abstract class CannedClientTest : CannedServerTest
{
    protected AirlineApiClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client = new AirlineApiClient(Server.Options());
    }

    public override async Task DisposeAsync()
    {
        Client.Dispose();
        await base.DisposeAsync();
    }
}
