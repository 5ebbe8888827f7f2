namespace Harness.Contracts.Atlas;

/// <summary>
/// Atlas bodies as matchers. <see cref="Like"/> turns an example the client or the fakers produced into a body of
/// matchers (strings by type, Atlas dates by <see cref="DateTimePattern"/>, integers as integers, arrays by their first
/// element, any length), and <paramref name="pins"/> tighten chosen properties (the answer's <c>status</c> always by equality:
/// it is how Atlas reports the outcome).
/// </summary>
public static class AtlasShapes
{
    /// <summary>Atlas dates: "yyyy-MM-dd HH:mm:ss" (system times in UTC+08:00, flight times departure-local).</summary>
    public const string DateTimePattern = @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$";

    /// <summary>Any webhook URL the consumer registers is an absolute http(s) URL.</summary>
    public const string UrlPattern = "^https?://.+$";

    /// <summary>The consumer's view of an Incident List record: the fields it reads, never null for a stored incident.</summary>
    private static readonly string[] RecordFields =
        ["eventId", "orderNo", "eventType", "eventStatus", "eventTime", "createTime", "updateIme", "airline", "depTime", "pnr", "paxName", "paxEmail"];

    /// <summary>The example as matchers; a property named in <paramref name="pins"/> takes that matcher instead.</summary>
    public static object? Like(JsonNode? example, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null) => example switch
    {
        null => null,
        JsonObject json => json.ToDictionary(
            property => property.Key,
            property => pins is not null && property.Value is not null && pins.TryGetValue(property.Key, out var pin) ? pin(property.Value) : Like(property.Value, pins),
            StringComparer.Ordinal),
        JsonArray { Count: 0 } => Match.Type(Array.Empty<object>()),
        // Any length, each item like the first: a cancellation's revisedSegs is empty, a schedule change's is not.
        JsonArray array => Match.MinType(Like(array[0], pins)!, 0),
        JsonValue value => Value(value),
        _ => throw new ArgumentException($"Unexpected JSON node {example.GetType().Name}.", nameof(example)),
    };

    /// <summary><see cref="Like"/> of <paramref name="value"/> as the client serialises it.</summary>
    public static object Like<T>(T value, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null) =>
        Like(Json(value), pins)!;

    public static JsonNode Json<T>(T value) => JsonSerializer.SerializeToNode(value, AtlasJson.Options)!;

    /// <summary>One of <paramref name="values"/> (an Atlas enum), the example being one of them.</summary>
    public static Func<JsonNode, object> OneOf(params string[] values) => node => Match.Regex((string)node!, "^(" + string.Join('|', values.Select(System.Text.RegularExpressions.Regex.Escape)) + ")$");

    public static Func<JsonNode, object> Url { get; } = node => Match.Regex((string)node!, UrlPattern);

    /// <summary>{status: 0, msg}: the success answer.</summary>
    public static object Success() => Answer((int)AtlasStatus.Success, "success");

    /// <summary>{status, msg}: Atlas reports the outcome in status, pinned by equality; msg is free text.</summary>
    public static object Answer(int status, string message) => new Dictionary<string, object>
    {
        ["status"] = Match.Equality(status),
        ["msg"] = Match.Type(message),
    };

    /// <summary>A page of the Incident List holding records like <paramref name="example"/>.</summary>
    public static object Page(Incident example, int pageSize)
    {
        var answer = (Dictionary<string, object>)Success();
        answer["pageIndex"] = Match.Integer(1);
        answer["pageSize"] = Match.Integer(pageSize);
        answer["total"] = Match.Integer(1);
        var record = new JsonObject();
        foreach (var (name, value) in Json(example).AsObject())
        {
            if (RecordFields.Contains(name))
            {
                record[name] = value?.DeepClone();
            }
        }

        answer["records"] = Match.MinType(Like(record, RecordPins)!, 1);
        return answer;
    }

    /// <summary>§3.2: a record's eventType is one of the incident types, its eventStatus 0 (unconfirmed) or 1 (confirmed).</summary>
    private static readonly Dictionary<string, Func<JsonNode, object>> RecordPins = new(StringComparer.Ordinal)
    {
        ["eventType"] = OneOf([.. AtlasEventTypes.Incidents]),
        ["eventStatus"] = node => Match.Regex((long)node, "^(0|1)$"),
    };

    /// <summary>An empty page: nothing matched the query.</summary>
    public static object EmptyPage(int pageSize)
    {
        var answer = (Dictionary<string, object>)Success();
        answer["pageIndex"] = Match.Integer(1);
        answer["pageSize"] = Match.Integer(pageSize);
        answer["total"] = Match.Equality(0);
        answer["records"] = Match.Equality(Array.Empty<object>());
        return answer;
    }

    /// <summary>HTTP 429's body: {code: 429, message, limitType, limit, retryAfter (seconds)}.</summary>
    public static object RateLimited(int retryAfterSeconds) => new Dictionary<string, object>
    {
        ["code"] = Match.Equality((int)AtlasStatus.RateLimitExceeded),
        ["message"] = Match.Type("Rate limit exceeded. Please retry after the current window resets"),
        ["limitType"] = Match.Type("ATLAS_QPS"),
        ["limit"] = Match.Integer(1),
        ["retryAfter"] = Match.Integer(retryAfterSeconds),
    };

    private static object Value(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return System.Text.RegularExpressions.Regex.IsMatch(text, DateTimePattern) ? Match.Regex(text, DateTimePattern) : Match.Type(text);
            case JsonValueKind.Number when long.TryParse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var integer):
                return Match.Integer(integer);
            case JsonValueKind.Number:
                return Match.Decimal(decimal.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            case JsonValueKind.True or JsonValueKind.False:
                return Match.Type(value.GetValue<bool>());
            default:
                throw new ArgumentException($"Unexpected JSON value kind {value.GetValueKind()}.", nameof(value));
        }
    }
}
