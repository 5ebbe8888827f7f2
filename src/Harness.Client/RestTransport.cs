using RestSharp;

namespace Harness.Client;

/// <summary>
/// The one way both clients use RestSharp. RestSharp builds and sends each request (base URL, per-call timeout,
/// headers) over an <see cref="HttpClient"/> the client is given or owns; the body is UTF-8 JSON the client serialized
/// itself with its API's own <c>System.Text.Json</c> settings; <see cref="BufferedResponse"/> reads the answer straight
/// off the <see cref="HttpResponseMessage"/>. RestSharp's serializers are not used: they would encode every body to a
/// string and back and copy every response into a string and a parameter list, per call, which the Airline client's
/// load profiles paid for until it stopped doing so.
/// </summary>
internal sealed class RestTransport : IDisposable
{
    /// <summary>What <see cref="StringContent"/> put on the wire for a JSON body; kept so the request bytes are unchanged.</summary>
    public static readonly ContentType JsonUtf8 = "application/json; charset=utf-8";

    private readonly RestClient _rest;

    /// <param name="httpClient">The connection pool and handler pipeline (from <c>IHttpClientFactory</c>, or the client's own).</param>
    /// <param name="ownsHttpClient">Dispose <paramref name="httpClient"/> with this transport (never for a factory's client).</param>
    public RestTransport(HttpClient httpClient, bool ownsHttpClient, Uri baseUrl, TimeSpan timeout, bool followRedirects)
    {
        var baseWithSlash = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _rest = new RestClient(
            httpClient,
            new RestClientOptions(baseWithSlash)
            {
                Timeout = timeout,
                ThrowOnAnyError = false,
                FollowRedirects = followRedirects,
            },
            disposeHttpClient: ownsHttpClient);
    }

    /// <summary>A request whose response <see cref="SendAsync"/> returns as a <see cref="BufferedResponse"/>.</summary>
    public static RestRequest Request(string path, Method method, byte[]? jsonBody, ContentType contentType)
    {
        var request = new RestRequest(path, method) { AdvancedResponseWriter = BufferedResponse.Read };
        if (jsonBody is not null)
        {
            request.AddParameter(new BodyParameter(jsonBody, contentType, DataFormat.Binary));
        }

        return request;
    }

    /// <summary>
    /// Sends <paramref name="request"/>: the answer is a <see cref="BufferedResponse"/>, or, when no response arrived
    /// (refused, timed out, aborted: RestSharp reports status 0 and the writer never ran), a plain
    /// <see cref="RestResponse"/> saying why. Not wrapped in a state machine of its own: one less allocation per call.
    /// </summary>
    public Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken) =>
        _rest.ExecuteAsync(request, cancellationToken);

    public void AddDefaultHeader(string name, string value) => _rest.AddDefaultHeader(name, value);

    public void Dispose() => _rest.Dispose();
}
