namespace Harness.Broker.Tests.Fixtures;

/// <summary>HAL helpers: absolute links built from the request's own scheme and host, as the real broker does.</summary>
internal sealed class Hal(HttpRequest request)
{
    public const string ContentType = "application/hal+json;charset=utf-8";

    public string Base { get; } = $"{request.Scheme}://{request.Host}";

    /// <summary>An absolute URL from path segments, each escaped.</summary>
    public string Url(params string[] segments) =>
        Base + "/" + string.Join('/', segments.Select(Uri.EscapeDataString));

    public static JsonObject Link(string href, string? name = null, string? title = null)
    {
        var link = new JsonObject { ["href"] = href };
        if (name is not null)
            link["name"] = name;
        if (title is not null)
            link["title"] = title;
        return link;
    }

    /// <summary>A templated link; <paramref name="path"/> holds RFC 6570 placeholders such as {provider}.</summary>
    public JsonObject Templated(string path, string title) =>
        new() { ["href"] = Base + path, ["title"] = title, ["templated"] = true };

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ContentType, statusCode: status);

    /// <summary>The real broker's validation error shape: {"errors": {"field": ["message"]}}.</summary>
    public static IResult Errors(int status, string field, string message) =>
        Json(new JsonObject { ["errors"] = new JsonObject { [field] = new JsonArray(message) } }, status);

    public static IResult NotFound(string what) =>
        Json(new JsonObject { ["error"] = $"The requested document was not found: {what}" }, StatusCodes.Status404NotFound);
}
