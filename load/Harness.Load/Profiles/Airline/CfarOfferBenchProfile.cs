using System.Net.Http.Headers;
using System.Text;
using Harness.Client.Models;
using Harness.Client.Serialization;
using Harness.TestData;

namespace Harness.Load.Profiles.Airline;

/// <summary>
/// The bench's profile: POST /cfar_offers with one fixed body (<see cref="Body"/>, from the run seed) on the run's
/// HttpClient, exactly what load/bench/bench.sh gives wrk and hey, so the three tools are compared on the same request.
/// Init takes the token (unmeasured), as the bench script does with curl.
/// </summary>
internal sealed class CfarOfferBenchProfile : ILoadProfile
{
    public string Name => "cfar_offer_fixed";

    public string Description => "Bench: POST /cfar_offers with one fixed body and token (what bench.sh gives wrk and hey).";

    /// <summary>The bench body: an ancillary-type CFAR offer request for one faker trip.</summary>
    public static string Body(int seed)
    {
        var fakers = new AirlineFakers(seed, AirlineFakers.DefaultNow());
        return AirlineJson.Serialize(fakers.CreateCfarOfferRequest(fakers.Trip(), RequestType.Ancillary));
    }

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireKnownOptions(Name);
        var client = AirlineSteps.CreateClient(context);
        var offers = new Uri(AirlineSteps.AirlineBaseUrl(context), "cfar_offers");
        var body = Encoding.UTF8.GetBytes(Body(context.Seed));
        var http = context.Http;
        return new ScenarioDefinition(Name, [new LoadStep("create_cfar_offers", async step =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, offers)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", step.Data<string>());
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, step.CancellationToken).ConfigureAwait(false);
            return StepResult.FromStatus((int)response.StatusCode, response.Content.Headers.ContentLength ?? 0);
        })])
        {
            Init = async ct =>
            {
                try
                {
                    return (await client.AuthenticateAsync(ct).ConfigureAwait(false)).RequiredBody.AccessToken;
                }
                catch (Exception ex) when (ex is Harness.Client.AirlineApiException or HttpRequestException)
                {
                    throw new InvalidOperationException($"profile '{Name}' could not authenticate (POST /auth): {ex.Message}", ex);
                }
            },
            Clean = () =>
            {
                client.Dispose();
                return ValueTask.CompletedTask;
            },
        };
    }
}
