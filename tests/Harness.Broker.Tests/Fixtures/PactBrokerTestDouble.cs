using System.Collections.Concurrent;
using Harness.Spec.Testing;

namespace Harness.Broker.Tests.Fixtures;

/// <summary>
/// TEST FIXTURE ONLY: an in-memory stand-in for the Pact Broker, so the official pact CLI and verifier can be exercised
/// end to end on a machine with no broker. Production and CI use a real Pact Broker or PactFlow
/// (see tools/pact/README.md and .github/workflows/contracts.yml).
/// </summary>
/// <remarks>
/// It implements the part of the Pact Broker HTTP API those clients use (see /doc in the pact_broker repository):
/// the HAL index, <c>POST /contracts/publish</c>, pacticipants, versions, branches and tags, pact resources and
/// <c>for-verification</c> with consumer version selectors, pending and WIP pacts, verification results,
/// <c>/matrix</c> and <c>/can-i-deploy</c>, environments and deployed versions. It listens on 127.0.0.1 with an
/// ephemeral port, requires a bearer token or basic auth when given one, and logs every request (method, path and query, never
/// headers) so tests can assert what a client called. Each instance starts empty.
/// Any client can be pointed at it the same way: <see cref="BaseUrl"/> as PACT_BROKER_BASE_URL (or the client's broker
/// URL option) and the token as PACT_BROKER_TOKEN; <see cref="Verifications"/> and <see cref="ForVerificationRequests"/>
/// then show what the client published and asked for.
/// </remarks>
public sealed class PactBrokerTestDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;
    private readonly PactBrokerStore _store;

    private PactBrokerTestDouble(WebApplication app, ConcurrentQueue<string> requests, PactBrokerStore store, Uri baseUrl)
    {
        _app = app;
        _requests = requests;
        _store = store;
        BaseUrl = baseUrl;
    }

    /// <summary>The broker's base URL on loopback, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request received so far, as "METHOD /path?query", in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>
    /// Starts a broker double. When <paramref name="requiredToken"/> is set, requests need "Authorization: Bearer token";
    /// when <paramref name="requiredBasicAuth"/> is set (as "user:password"), they need that basic auth instead.
    /// </summary>
    public static async Task<PactBrokerTestDouble> StartAsync(string? requiredToken = null, string? requiredBasicAuth = null)
    {
        var expectedAuthorization = requiredToken is not null ? $"Bearer {requiredToken}"
            : requiredBasicAuth is not null ? $"Basic {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(requiredBasicAuth))}"
            : null;
        var requests = new ConcurrentQueue<string>();
        var store = new PactBrokerStore();
        var (app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
                if (expectedAuthorization is not null && context.Request.Headers.Authorization.ToString() != expectedAuthorization)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.Response.WriteAsJsonAsync(new { error = "Valid credentials are required" });
                    return;
                }

                await next(context);
            });
            PactBrokerApi.Map(app, store);
        });
        return new PactBrokerTestDouble(app, requests, store, baseUrl);
    }

    /// <summary>The published verification results, oldest first, for assertions.</summary>
    public IReadOnlyList<PublishedVerification> Verifications()
    {
        lock (_store.Gate)
        {
            return [.. _store.Verifications.Select(v => new PublishedVerification(
                v.Consumer, v.Provider, v.ProviderVersion.Number, [.. v.ProviderVersion.Branches], v.Success))];
        }
    }

    /// <summary>The JSON bodies of the for-verification requests received (selectors, pending, WIP), oldest first.</summary>
    public IReadOnlyList<string> ForVerificationRequests()
    {
        lock (_store.Gate)
        {
            return [.. _store.ForVerificationRequests];
        }
    }

    /// <summary>The branches recorded for a pacticipant version, or null when the version does not exist.</summary>
    public IReadOnlyList<string>? BranchesOf(string pacticipant, string version)
    {
        lock (_store.Gate)
        {
            var found = _store.FindVersion(pacticipant, version);
            return found is null ? null : [.. found.Branches];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One verification result as the broker recorded it.</summary>
public sealed record PublishedVerification(
    string Consumer, string Provider, string ProviderVersion, IReadOnlyList<string> ProviderBranches, bool Success);
