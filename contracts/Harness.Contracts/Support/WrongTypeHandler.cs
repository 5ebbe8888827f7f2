namespace Harness.Contracts.Support;

/// <summary>
/// Stands in for a partner's broken serialiser: on requests to one path it replaces one property of the JSON body with
/// a number. The typed client cannot send a wrong JSON type by construction, and a 400 interaction needs one.
/// </summary>
public sealed class WrongTypeHandler(string path, string property) : DelegatingHandler(new SocketsHttpHandler())
{
    /// <summary>What the spec's string (or object/array) property becomes.</summary>
    public const int WrongValue = 42;

    /// <summary>The body with <paramref name="property"/> (of the first element, for a bare array) replaced.</summary>
    public static JsonNode Corrupt(JsonNode body, string property)
    {
        ArgumentNullException.ThrowIfNull(body);
        var copy = body.DeepClone();
        var target = copy is JsonArray array ? array[0]!.AsObject() : copy.AsObject();
        if (!target.ContainsKey(property))
        {
            throw new ArgumentException($"The request body has no property \"{property}\" to corrupt.", nameof(property));
        }

        target[property] = WrongValue;
        return copy;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null && request.RequestUri?.AbsolutePath == path)
        {
            var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!;
            var content = new StringContent(Corrupt(body, property).ToJsonString());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
