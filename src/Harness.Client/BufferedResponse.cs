using System.Net;
using RestSharp;

namespace Harness.Client;

/// <summary>
/// The parts of an HTTP response the client uses, copied straight off the <see cref="HttpResponseMessage"/>.
/// Installed as RestSharp's <see cref="RestRequest.AdvancedResponseWriter"/>, it replaces RestSharp's default reading,
/// which would also decode the body into a string and copy every header value into a parameter list, per call.
/// </summary>
internal sealed class BufferedResponse : RestResponse
{
    public static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase).AsReadOnly();

    /// <summary>Cached delegate: one allocation for the process rather than one per call.</summary>
    public static readonly Func<HttpResponseMessage, RestRequest, RestResponse> Read = Create;

    private BufferedResponse(RestRequest request, int status, byte[] body, Dictionary<string, string> headerValues, string? contentDisposition)
        : base(request)
    {
        Status = status;
        Body = body;
        HeaderValues = headerValues;
        ContentDisposition = contentDisposition;
    }

    public int Status { get; }

    public byte[] Body { get; }

    /// <summary>Response and content headers, case-insensitive; repeated headers joined with ", ".</summary>
    public Dictionary<string, string> HeaderValues { get; }

    /// <summary>The first <c>Content-Disposition</c> value, if any.</summary>
    public string? ContentDisposition { get; }

    private static BufferedResponse Create(HttpResponseMessage message, RestRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? contentDisposition = null;
        Collect(message.Headers, headers, ref contentDisposition);
        Collect(message.Content.Headers, headers, ref contentDisposition);
        var body = ReadBody(message.Content);
        return new BufferedResponse(request, (int)message.StatusCode, body, headers, contentDisposition)
        {
            StatusCode = message.StatusCode,
            ResponseStatus = ResponseStatus.Completed,
            IsSuccessStatusCode = message.IsSuccessStatusCode,
            RawBytes = body,
            ContentType = message.Content.Headers.ContentType?.MediaType,
            ContentLength = body.Length,
        };
    }

    private static void Collect(System.Net.Http.Headers.HttpHeaders source, Dictionary<string, string> target, ref string? contentDisposition)
    {
        foreach (var (name, values) in source)
        {
            foreach (var value in values)
            {
                target[name] = target.TryGetValue(name, out var existing) ? existing + ", " + value : value;
                if (contentDisposition is null && string.Equals(name, "Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    contentDisposition = value;
                }
            }
        }
    }

    /// <summary>
    /// RestSharp sends with <see cref="HttpCompletionOption.ResponseContentRead"/>, so HttpClient has already buffered
    /// the content and this synchronous read is a memory copy, not network I/O.
    /// </summary>
    private static byte[] ReadBody(HttpContent content)
    {
        using var stream = content.ReadAsStream();
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            return bytes;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
