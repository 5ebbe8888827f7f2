using System.Net.Http.Headers;

namespace Harness.Load;

/// <summary>
/// NBomber.Http's helpers: <c>Http.CreateRequest("GET", url).WithHeader(…).WithBody(…)</c> and
/// <c>Http.Send(client, request)</c>, which returns a response whose status code and size are filled in.
/// </summary>
public static class Http
{
    private static readonly HttpRequestOptionsKey<string> PendingContentType = new("Harness.Load.ContentType");

    /// <summary>The last URL parsed on this thread: a scenario sends to the same few URLs, and parsing one is not free.</summary>
    [ThreadStatic]
    private static KeyValuePair<string, Uri>? s_lastUri;

    public static HttpRequestMessage CreateRequest(string method, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        // Parse gives the shared instance of a standard method (GET, POST…) whatever its case; any other is uppercased.
        var verb = HttpMethod.Parse(method);
        if (verb.Method.AsSpan().ContainsAnyInRange('a', 'z'))
            verb = new HttpMethod(method.ToUpperInvariant());
        return new HttpRequestMessage(verb, UriOf(url));
    }

    private static Uri UriOf(string url)
    {
        if (s_lastUri is { } last && string.Equals(last.Key, url, StringComparison.Ordinal))
            return last.Value; // a Uri is immutable: requests can share one
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);
        s_lastUri = new KeyValuePair<string, Uri>(url, uri);
        return uri;
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

    /// <summary>
    /// Harness: as <see cref="Send(HttpClient, HttpRequestMessage, CancellationToken)"/> for a scenario that does not read
    /// the response body: the body is read as it arrives into a pooled buffer and thrown away (not buffered), so its size
    /// is still counted and the connection goes back to the pool. The payload's content has been consumed: dispose it.
    /// </summary>
    public static async Task<Response<HttpResponseMessage>> SendDiscardingBody(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var requestBytes = request.Content?.Headers.ContentLength ?? 0;
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        long responseBytes = 0;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    responseBytes += read;
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Result(response, requestBytes + responseBytes);
    }

    /// <summary>As <see cref="Send(HttpClient, HttpRequestMessage)"/>, cancellable (pass the context's ScenarioCancellationToken).</summary>
    public static async Task<Response<HttpResponseMessage>> Send(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var requestBytes = request.Content?.Headers.ContentLength ?? 0;
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return Result(response, requestBytes + (response.Content.Headers.ContentLength ?? 0));
    }

    /// <summary>
    /// Harness: the request written once as HTTP/1.1 bytes (method, URL, headers, body), to send many times with
    /// <see cref="Send(PreparedHttpClient, PreparedRequest, CancellationToken)"/>. The request itself is not sent or disposed.
    /// </summary>
    public static PreparedRequest Prepare(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PreparedRequest.From(request);
    }

    /// <summary>
    /// Harness: sends a prepared request on <paramref name="client"/>'s kept-alive connections; ok for a 2xx, fail
    /// otherwise, with the status code and the size (request body + response body), as <see cref="Send(HttpClient, HttpRequestMessage)"/>.
    /// The answer's body is read to its end and not kept.
    /// </summary>
    public static async Task<Response<object>> Send(PreparedHttpClient client, PreparedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var answer = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = StatusText(answer.StatusCode);
        return answer.IsSuccessStatusCode
            ? Response.Ok(statusCode: status, sizeBytes: answer.SizeBytes)
            : Response.Fail(statusCode: status, sizeBytes: answer.SizeBytes);
    }

    /// <summary>"100" … "599", made once: both Send overloads name the status without a string per response.</summary>
    private static readonly string[] StatusTexts = Enumerable.Range(0, 600).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string StatusText(int code) => (uint)code < (uint)StatusTexts.Length ? StatusTexts[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ok for a 2xx, fail otherwise, with the status code ("200") and the size.</summary>
    private static Response<HttpResponseMessage> Result(HttpResponseMessage response, long sizeBytes)
    {
        var status = StatusText((int)response.StatusCode);
        return response.IsSuccessStatusCode
            ? Response.Ok(payload: response, statusCode: status, sizeBytes: sizeBytes)
            : Response.Fail(payload: response, statusCode: status, sizeBytes: sizeBytes, message: response.ReasonPhrase ?? "");
    }
}
