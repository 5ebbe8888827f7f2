using System.Text;
using Harness.Client.Models;
using Harness.Client.Serialization;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The bench's scenario: POST /cfar_offers with one fixed body (<see cref="Body"/>, from the run seed) on the run's
/// HttpClient through <see cref="Http"/>, exactly what load/bench/bench.sh gives wrk and hey, so the three tools are
/// compared on the same request. Init takes the token (unmeasured), as the bench script does with curl.
/// </summary>
internal static class CfarOfferFixedScenario
{
    public const string Name = "cfar_offer_fixed";

    public static BuiltInScenario Definition { get; } = new(Name,
        "Bench: POST /cfar_offers with one fixed body and token (what bench.sh gives wrk and hey).", Create);

    /// <summary>The bench body: an ancillary-type CFAR offer request for one faker trip.</summary>
    public static string Body(int seed)
    {
        var fakers = new AirlineFakers(seed, AirlineFakers.DefaultNow());
        return AirlineJson.Serialize(fakers.CreateCfarOfferRequest(fakers.Trip(), RequestType.Ancillary));
    }

    /// <summary>
    /// The step's one request, also what the bench's HttpClient floor sends without the engine (HttpFloor). The response
    /// body is not needed: it is read and thrown away as it arrives (Http.SendDiscardingBody), as wrk does.
    /// </summary>
    public static async Task<Response<HttpResponseMessage>> SendAsync(HttpClient http, string offers, byte[] body, string authorization,
        CancellationToken cancellationToken)
    {
        using var request = Request(offers, body, authorization);
        var response = await Http.SendDiscardingBody(http, request, cancellationToken).ConfigureAwait(false);
        response.Payload.Value.Dispose();
        return response;
    }

    /// <summary>The step's request; <see cref="SendAsync"/> sends a new one each time, <see cref="Prepare"/> writes it once.</summary>
    private static HttpRequestMessage Request(string offers, byte[] body, string authorization) =>
        Http.CreateRequest("POST", offers)
            .WithHeader("Authorization", authorization)
            .WithBody(new ByteArrayContent(body))
            .WithHeader("Content-Type", "application/json");

    /// <summary>The same request written once as HTTP/1.1 bytes: what cfar_offer_prepared and the prepared floor send.</summary>
    public static PreparedRequest Prepare(string offers, byte[] body, string authorization)
    {
        using var request = Request(offers, body, authorization);
        return Http.Prepare(request);
    }

    public static ScenarioProps Create(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(Name);
        var offers = new Uri(AirlineSteps.AirlineBaseUrl(profile), "cfar_offers").ToString();
        var body = Encoding.UTF8.GetBytes(Body(profile.Seed));
        var http = profile.Http;
        var authorization = "";
        return WithToken(Name, profile, token => authorization = $"Bearer {token}", Scenario.Create(Name, async context =>
            await Step.Run("create_cfar_offers", context, () => SendAsync(http, offers, body, authorization, context.ScenarioCancellationToken))));
    }

    /// <summary>
    /// The same request, written once as HTTP/1.1 bytes (<see cref="Http.Prepare"/>) and sent on the engine's own
    /// kept-alive connections (<see cref="PreparedHttpClient"/>) instead of HttpClient: wrk's way of sending, with
    /// the engine's scheduling, statistics and reports. http:// targets only.
    /// </summary>
    public static BuiltInScenario Prepared { get; } = new(PreparedName,
        "Bench: cfar_offer_fixed's request written once as HTTP/1.1 bytes and sent on the engine's own connections (Http.Prepare; http:// only).", CreatePrepared);

    public const string PreparedName = "cfar_offer_prepared";

    public static ScenarioProps CreatePrepared(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(PreparedName);
        var offers = new Uri(AirlineSteps.AirlineBaseUrl(profile), "cfar_offers");
        var body = Encoding.UTF8.GetBytes(Body(profile.Seed));
        var sender = new PreparedHttpClient(offers, profile.MaxConnectionsPerServer);
        PreparedRequest? request = null;
        var props = Scenario.Create(PreparedName, async context =>
            await Step.Run("create_cfar_offers", context, () => Http.Send(sender, request!, context.ScenarioCancellationToken)));
        return WithToken(PreparedName, profile, token => request = Prepare(offers.ToString(), body, $"Bearer {token}"), props, sender);
    }

    /// <summary>Init takes the token (unmeasured) and hands it over; clean disposes the typed client and <paramref name="owned"/>.</summary>
    private static ScenarioProps WithToken(string name, ProfileContext profile, Action<string> useToken, ScenarioProps scenario, IDisposable? owned = null)
    {
        var client = AirlineSteps.CreateClient(profile);
        return scenario
            .WithInit(async init =>
            {
                try
                {
                    useToken((await client.AuthenticateAsync(init.CancellationToken).ConfigureAwait(false)).RequiredBody.AccessToken);
                }
                catch (Exception ex) when (ex is Harness.Client.AirlineApiException or HttpRequestException)
                {
                    throw new InvalidOperationException($"profile '{name}' could not authenticate (POST /auth): {ex.Message}", ex);
                }
            })
            .WithClean(_ =>
            {
                client.Dispose();
                owned?.Dispose();
                return Task.CompletedTask;
            });
    }
}
