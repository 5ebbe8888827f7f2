namespace Harness.Contracts.Atlas;

/// <summary>
/// Removes one property from the JSON body the client sends, so a contract can describe a request the typed client
/// refuses to build (AtlasClient always sends <c>pageSize</c>, <c>url</c> and <c>eventId</c>) and check how the client
/// reports Atlas's status 100 "missing required request data".
/// </summary>
public sealed class DropFieldHandler(string property) : DelegatingHandler(new SocketsHttpHandler())
{
    public static JsonObject Drop(JsonNode body, string property)
    {
        ArgumentNullException.ThrowIfNull(body);
        var copy = body.DeepClone().AsObject();
        return copy.Remove(property)
            ? copy
            : throw new ArgumentException($"The request body has no property \"{property}\" to drop.", nameof(property));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!;
            var content = new StringContent(Drop(body, property).ToJsonString());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
