namespace Harness.Pact.Tests.Support;

/// <summary>
/// Just enough of the Pact Broker API on 127.0.0.1 for the verifier to fetch one pact and publish its result:
/// the HAL index, for-verification, the pact, the provider pacticipant and the branch version. It records every
/// request as "METHOD /path". The full broker double lives in tests/Harness.Broker.Tests.
/// </summary>
public sealed class RecordingBroker : IAsyncDisposable
{
    /// <summary>Where the one pact is served (its URL, for URI sources).</summary>
    public const string PactPath = "/pacts/provider/hts-airlines-api/consumer/airline-partner/pact-version/abc123";

    /// <summary>A pact of one session read, between airline-partner and hts-airlines-api (what <see cref="TestProvider"/> answers).</summary>
    public const string SessionPact = """
        {
          "consumer": { "name": "airline-partner" },
          "provider": { "name": "hts-airlines-api" },
          "interactions": [{
            "type": "Synchronous/HTTP",
            "description": "a request for a session",
            "request": { "method": "GET", "path": "/sessions/s-1" },
            "response": { "status": 200, "body": { "contentType": "application/json", "encoded": false, "content": { "id": "s-1" } } }
          }],
          "metadata": { "pactSpecification": { "version": "4.0" } }
        }
        """;

    private WebApplication _app = null!;

    private RecordingBroker()
    {
    }

    public Uri BaseUri { get; private set; } = null!;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <param name="pactJson">The one pact for-verification returns.</param>
    public static async Task<RecordingBroker> StartAsync(string pactJson)
    {
        var broker = new RecordingBroker();
        (broker._app, broker.BaseUri) = await LoopbackApp.StartAsync(app => Map(app, broker, pactJson));
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, RecordingBroker broker, string pactJson)
    {
        app.Use(async (context, next) =>
        {
            broker.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });

        app.MapGet("/", () => Hal(new JsonObject
        {
            ["_links"] = new JsonObject
            {
                ["pb:provider-pacts-for-verification"] = new JsonObject { ["href"] = broker.Url("/pacts/provider/{provider}/for-verification"), ["templated"] = true },
            },
        }));
        // The verifier GETs the resource first and POSTs the selectors to its self link.
        app.MapGet("/pacts/provider/{provider}/for-verification", (string provider) => Hal(new JsonObject
        {
            ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = broker.Url($"/pacts/provider/{provider}/for-verification") } },
        }));
        app.MapPost("/pacts/provider/{provider}/for-verification", () => Hal(new JsonObject
        {
            ["_embedded"] = new JsonObject
            {
                ["pacts"] = new JsonArray(new JsonObject
                {
                    ["shortDescription"] = "airline-partner 1.0.0",
                    ["verificationProperties"] = new JsonObject { ["pending"] = false, ["notices"] = new JsonArray() },
                    ["_links"] = new JsonObject { ["self"] = new JsonObject { ["href"] = broker.Url(PactPath) } },
                }),
            },
        }));
        app.MapGet(PactPath, () =>
        {
            var pact = JsonNode.Parse(pactJson)!.AsObject();
            pact["_links"] = new JsonObject
            {
                ["pb:provider"] = new JsonObject { ["href"] = broker.Url("/pacticipants/hts-airlines-api") },
                ["pb:publish-verification-results"] = new JsonObject { ["href"] = broker.Url(PactPath + "/verification-results") },
            };
            return Hal(pact);
        });
        app.MapGet("/pacticipants/{name}", (string name) => Hal(new JsonObject
        {
            ["name"] = name,
            ["_links"] = new JsonObject
            {
                ["pb:branch-version"] = new JsonObject { ["href"] = broker.Url($"/pacticipants/{name}/branches/{{branch}}/versions/{{version}}"), ["templated"] = true },
            },
        }));
        app.MapPut("/pacticipants/{name}/branches/{branch}/versions/{version}", () => Hal(new JsonObject()));
        app.MapPost(PactPath + "/verification-results", () => Results.Text("{}", "application/hal+json", statusCode: StatusCodes.Status201Created));
    }

    private static IResult Hal(JsonObject body) => Results.Text(body.ToJsonString(), "application/hal+json");

    private string Url(string path) => BaseUri.ToString().TrimEnd('/') + path;
}
