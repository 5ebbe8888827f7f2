using Harness.TestData;

namespace Harness.Verification.Tests.Support;

/// <summary>The sandbox on 127.0.0.1 (free port) with its provider-state and admin endpoints, and a verifier aimed at it.</summary>
public sealed class ProviderUnderTest : IAsyncDisposable
{
    public const string ProviderName = "hts-airlines-api";

    /// <summary>The provider name of the Atlas HTTP pact; the same sandbox serves it under /atlas.</summary>
    public const string AtlasProviderName = "atlas-notifications-api";

    private readonly SandboxHost _host;

    private ProviderUnderTest(SandboxHost host) => this._host = host;

    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The Atlas sandbox behind /atlas (its notification envelopes are the message provider's output).</summary>
    public Harness.Sandbox.Atlas.AtlasSandbox Atlas => _host.Atlas;

    /// <summary>The sandbox with its clock started at the pacts' reference date (see <see cref="ContractReference"/>).</summary>
    public static async Task<ProviderUnderTest> StartAsync() =>
        new(await SandboxHost.StartAsync(new SandboxOptions
        {
            EnableProviderStates = true,
            EnableAdmin = true,
            Quiet = true,
            Clock = new SandboxClock(ContractReference.Now),
        }));

    /// <summary>
    /// A verifier for this sandbox as any verifier's defaults set it up: provider states set up before each interaction
    /// and, unless <paramref name="teardown"/>, no teardown calls (the sandbox's provider-state rule keeps each
    /// interaction to its own states).
    /// </summary>
    public PactVerifier Verifier(string providerName = ProviderName, bool teardown = false) =>
        new PactVerifier(providerName, "verification-tests")
            .WithHttpEndpoint(_host.BaseUrl)
            .WithProviderStateUrl(new Uri(_host.BaseUrl, "_pact/provider-states"), teardown)
            .WithRequestTimeout(TimeSpan.FromSeconds(10));

    /// <summary>The sandbox's break hook: from now on, responses of <paramref name="operationId"/> lose <paramref name="field"/>.</summary>
    public async Task BreakResponseAsync(string operationId, string field)
    {
        using var http = new HttpClient { BaseAddress = _host.BaseUrl };
        using var response = await http.PostAsJsonAsync("_admin/break", new Dictionary<string, string>
        {
            ["operation_id"] = operationId,
            ["field"] = field,
        });
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
