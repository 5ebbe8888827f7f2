using System.Net.Http.Headers;

namespace Harness.Load;

/// <summary>
/// NBomber.Http's helpers: <c>Http.CreateRequest("GET", url).WithHeader(…).WithBody(…)</c> and
/// <c>Http.Send(client, request)</c>, which returns a response whose status code and size are filled in.
/// </summary>
public static class Http
{
    private static readonly HttpRequestOptionsKey<string> PendingContentType = new("Harness.Load.ContentType");

    public static HttpRequestMessage CreateRequest(string method, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.RelativeOrAbsolute));
    }

    /// <summary>Adds a header; a content header (Content-Type…) goes on the body, now or when <see cref="WithBody"/> sets it.</summary>
    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (request.Headers.TryAddWithoutValidation(name, value))
            return request;
        if (request.Content is { } content)
        {
            content.Headers.Remove(name);
            content.Headers.TryAddWithoutValidation(name, value);
        }
        else if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            request.Options.Set(PendingContentType, value);
        }

        return request;
    }

    public static HttpRequestMessage WithBody(this HttpRequestMessage request, HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(content);
        request.Content = content;
        if (request.Options.TryGetValue(PendingContentType, out var type) && content.Headers.ContentType is null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return request;
    }

    public static HttpRequestMessage WithVersion(this HttpRequestMessage request, string version)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Version = Version.Parse(version);
        return request;
    }

    /// <summary>
    /// Sends the request and returns ok for a 2xx, fail otherwise, with the status code ("200") and the size (request
    /// body + response body, in bytes). The response body is read, so its size is known and the connection is reused.
    /// </summary>
    public static Task<Response<HttpResponseMessage>> Send(HttpClient client, HttpRequestMessage request) =>
        Send(client, request, CancellationToken.None);

    /// <summary>As <see cref="Send(HttpClient, HttpRequestMessage)"/>, cancellable (pass the context's ScenarioCancellationToken).</summary>
    public static async Task<Response<HttpResponseMessage>> Send(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var requestBytes = request.Content?.Headers.ContentLength ?? 0;
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var responseBytes = response.Content.Headers.ContentLength ?? 0;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.IsSuccessStatusCode
            ? Response.Ok(payload: response, statusCode: status, sizeBytes: requestBytes + responseBytes)
            : Response.Fail(payload: response, statusCode: status, sizeBytes: requestBytes + responseBytes, message: response.ReasonPhrase ?? "");
    }
}
