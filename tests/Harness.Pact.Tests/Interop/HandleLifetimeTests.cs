namespace Harness.Pact.Tests.Interop;

/// <summary>Counts process-wide native handles, so it must not run beside other test classes.</summary>
[CollectionDefinition(nameof(HandleLifetimeTests), DisableParallelization = true)]
public sealed class HandleLifetimeCollection;

[Collection(nameof(HandleLifetimeTests))]
public sealed class HandleLifetimeTests : ScratchPactTest
{
    [Fact]
    public async Task VerifyAsync_TwoHundredBuilders_ReleasesEveryPactHandleAndMockServerPort()
    {
        var pactsBefore = LiveHandles.Pacts;
        var serversBefore = LiveHandles.MockServers;
        var ports = new HashSet<int>();

        for (var index = 0; index < 200; index++)
        {
            using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = Pacts.Path });
            pact.UponReceiving($"leak check {index % 5}").WithRequest(HttpMethod.Get, "/sessions/1").WillRespond().WithStatus(200);
            await pact.VerifyAsync(async context =>
            {
                ports.Add(context.MockServerUri.Port);
                (await Http.GetAsync(new Uri(context.MockServerUri, "sessions/1"))).Dispose();
            });
        }

        LiveHandles.Pacts.Should().Be(pactsBefore);
        LiveHandles.MockServers.Should().Be(serversBefore);
        foreach (var port in ports.Take(20))
        {
            IsListening(port).Should().BeFalse($"the mock server on port {port} was cleaned up");
        }
    }

    [Fact]
    public void Dispose_BuilderWithPendingInteractions_FreesHandleOnceEvenWhenCalledTwice()
    {
        var before = LiveHandles.Pacts;
        var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = Pacts.Path });
        pact.UponReceiving("never verified").WithRequest(HttpMethod.Get, "/sessions/2");
        LiveHandles.Pacts.Should().Be(before + 1);

        pact.Dispose();
        pact.Dispose();

        LiveHandles.Pacts.Should().Be(before);
        var reuse = () => pact.UponReceiving("after dispose");
        reuse.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task VerifyAsync_WhenVerificationFails_StillReleasesMockServer()
    {
        var servers = LiveHandles.MockServers;
        var handles = LiveHandles.Pacts;
        using var pact = Pact.V4(Consumer, Provider, new PactConfig { PactDir = Pacts.Path });
        pact.UponReceiving("a missing request").WithRequest(HttpMethod.Get, "/sessions/3").WillRespond().WithStatus(200);
        var port = 0;

        var verify = () => pact.VerifyAsync(context =>
        {
            port = context.MockServerUri.Port;
            return Task.CompletedTask;
        });

        await verify.Should().ThrowAsync<PactVerificationException>();
        LiveHandles.MockServers.Should().Be(servers);
        LiveHandles.Pacts.Should().Be(handles);
        IsListening(port).Should().BeFalse();
    }

    [Fact]
    public void Dispose_Verifier_ShutsDownOnceEvenWhenCalledTwice()
    {
        var before = LiveHandles.Verifiers;
        var verifier = new PactVerifier("hts-airlines-api", "1.0.0");
        LiveHandles.Verifiers.Should().Be(before + 1);

        verifier.Dispose();
        verifier.Dispose();

        LiveHandles.Verifiers.Should().Be(before);
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
