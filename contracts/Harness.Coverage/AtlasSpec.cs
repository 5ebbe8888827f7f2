using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Coverage;

/// <summary>
/// The Atlas notifications API as the matrix sees it. Its reference (contracts/spec/atlas-notifications.md) is prose,
/// not OpenAPI, so the endpoints and their outcomes are written here from its §3 and §5; every endpoint must appear
/// there as "POST /path", and every "POST /….do" there must be listed here, which <see cref="Read"/> checks.
/// </summary>
public static class AtlasSpec
{
    /// <summary>The provider name the Atlas HTTP pacts carry.</summary>
    public const string Provider = "atlas-notifications-api";

    /// <summary>The provider name of the webhook message pact.</summary>
    public const string MessageProvider = "atlas-notifications";

    /// <summary>The harness sandbox serves Atlas under this base path, and the pacts' paths carry it.</summary>
    public const string BasePath = "/atlas";

    // §5: 100 missing data, 900 unauthorized, 901 illegal data for any endpoint; HTTP 429 once the request limit is hit
    // (§6). The confirm endpoints document 0 and 2 (System error, also an unknown eventId); the webhook registration
    // lists 0 and 2 as well.
    private static readonly string[] Common = ["0", "100", "900", "901", "429"];

    private static readonly (string Id, string Path, string[] Outcomes)[] Endpoints =
    [
        ("updateWebhookURL", "/updateWebhookURL.do", [.. Common, "2"]),
        ("getPageList", "/event/getPageList.do", Common),
        ("confirmEmailScheduleChangeEvent", "/event/confirmEmailScheduleChangeEvent.do", [.. Common, "2"]),
        ("confirmAbnormalCancelledEvent", "/event/confirmAbnormalCancelledEvent.do", [.. Common, "2"]),
        ("confirmEvent", "/event/confirmEvent.do", [.. Common, "2"]),
    ];

    /// <summary>§4.2: every notification type Atlas posts to the webhook.</summary>
    public static IReadOnlyList<string> NotificationTypes { get; } =
    [
        "email.schedulechange", "order.schedulechange", "abnormal.cancelled", "order.ticketed", "order.void", "airline.status",
        "email.all", "order.addonComplete", "order.refundComplete",
    ];

    /// <summary>The Atlas spec, after checking that the reference at <paramref name="referencePath"/> names every endpoint and type.</summary>
    /// <exception cref="InvalidDataException">The reference does not mention an endpoint or notification type.</exception>
    public static ApiSpec Read(string referencePath)
    {
        var reference = File.ReadAllText(referencePath);
        foreach (var (_, path, _) in Endpoints)
        {
            if (!reference.Contains($"POST {path}", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{referencePath} does not describe POST {path}; update AtlasSpec to match it.");
            }
        }

        // And the other way round: an endpoint the reference gains is a row the matrix must count, not one it misses.
        foreach (var described in System.Text.RegularExpressions.Regex.Matches(reference, @"POST (/[A-Za-z/]+\.do)").Select(m => m.Groups[1].Value))
        {
            if (!Endpoints.Any(e => e.Path == described))
            {
                throw new InvalidDataException($"{referencePath} describes POST {described}, which AtlasSpec does not list; add it to AtlasSpec.Endpoints.");
            }
        }

        foreach (var type in NotificationTypes)
        {
            if (!reference.Contains($"`{type}`", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{referencePath} does not describe the notification type {type}; update AtlasSpec to match it.");
            }
        }

        return new ApiSpec(
            "Atlas Notifications / Incident Management API",
            Provider,
            BasePath,
            [.. Endpoints.Select(e => new SpecOperation(e.Id, "POST", e.Path, e.Outcomes))])
        {
            OutcomeOf = Outcome,
            OutcomeNote = "Columns are Atlas outcomes: the body's `status` of an HTTP 200 answer (0 success, 2 system error or " +
                "unknown eventId, 100 missing data, 900 unauthorized, 901 illegal data), or 429 for an HTTP 429 answer.",
        };
    }

    /// <summary>The webhook message types as a message spec.</summary>
    public static MessageSpec Messages { get; } = new("Atlas webhook notifications", MessageProvider, NotificationTypes);

    /// <summary>HTTP 429 is itself the outcome; otherwise Atlas's body status.</summary>
    public static int Outcome(PactResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Status == 200 && response.Body is JsonObject body && body["status"] is JsonValue status
            && status.GetValueKind() == JsonValueKind.Number
            ? status.GetValue<int>()
            : response.Status;
    }
}

/// <summary>Asynchronous messages a provider sends, by the type each carries in its content's <c>type</c>.</summary>
public sealed record MessageSpec(string Title, string Provider, IReadOnlyList<string> Types);
