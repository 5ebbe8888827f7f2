using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Harness.Mutation;

/// <summary>
/// A reverse proxy on 127.0.0.1 (free port) in front of the provider. A request carrying <see cref="RecordHeader"/> is
/// forwarded and its response kept as that interaction's answer; a request carrying <see cref="DriftHeader"/> is not
/// forwarded: it gets the kept answer of the drift's interaction with the drift applied (so a drift needs no provider
/// state and no provider work). Any other request passes through unchanged. It records which drifts actually changed
/// a response (a drift of a field the provider left out changes nothing and is "not served").
/// </summary>
public sealed class DriftProxy : IAsyncDisposable
{
    /// <summary>The request header naming the drift to serve (its index in <see cref="Drifts"/>); never forwarded.</summary>
    public const string DriftHeader = "X-Harness-Drift";

    /// <summary>The request header naming the interaction whose provider answer to keep; never forwarded.</summary>
    public const string RecordHeader = "X-Harness-Record";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", DriftHeader, RecordHeader,
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<int, bool> _served = new();
    private readonly ConcurrentDictionary<int, ProviderResponse> _recorded = new();
    private readonly IReadOnlyList<int> _interactionOf;

    private DriftProxy(WebApplication app, HttpClient upstream, IReadOnlyList<Drift> drifts, IReadOnlyList<int> interactionOf, Uri baseUrl)
    {
        this._app = app;
        this._upstream = upstream;
        this._interactionOf = interactionOf;
        Drifts = drifts;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<Drift> Drifts { get; }

    /// <summary>Whether drift <paramref name="index"/> was requested and changed the response.</summary>
    public bool WasServed(int index) => _served.TryGetValue(index, out var changed) && changed;

    /// <summary>Drifts named in <see cref="DriftHeader"/> whose interaction had no kept answer (they were answered 599).</summary>
    public IReadOnlyCollection<int> Unrecorded => [.. _unrecorded.Keys];

    private readonly ConcurrentDictionary<int, bool> _unrecorded = new();

    /// <param name="provider">The provider's base URL.</param>
    /// <param name="drifts">The drifts, by id.</param>
    /// <param name="interactionOf">For each drift id, the interaction (the <see cref="RecordHeader"/> value) whose answer it changes.</param>
    public static async Task<DriftProxy> StartAsync(Uri provider, IReadOnlyList<Drift> drifts, IReadOnlyList<int> interactionOf)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new HttpClient { BaseAddress = provider, Timeout = TimeSpan.FromSeconds(30) };
        DriftProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context));
        await app.StartAsync();
        var address = app.Urls.First();
        proxy = new DriftProxy(app, upstream, drifts, interactionOf, new Uri(address.EndsWith('/') ? address : address + "/"));
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.TryGetValue(DriftHeader, out var id) && int.TryParse(id, out var index) && index >= 0 && index < Drifts.Count)
        {
            if (!_recorded.TryGetValue(_interactionOf[index], out var kept))
            {
                _unrecorded[index] = true;
                context.Response.StatusCode = 599;
                return;
            }

            var response = kept.Clone();
            _served[index] = Drifts[index].Apply(response);
            await WriteAsync(context, response);
            return;
        }

        var answer = await ForwardToProviderAsync(context);
        if (request.Headers.TryGetValue(RecordHeader, out var key) && int.TryParse(key, out var interaction))
        {
            _recorded[interaction] = answer.Clone();
        }

        await WriteAsync(context, answer);
    }

    private async Task<ProviderResponse> ForwardToProviderAsync(HttpContext context)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var answer = await _upstream.SendAsync(message, context.RequestAborted);
        return new ProviderResponse
        {
            Status = (int)answer.StatusCode,
            Headers = answer.Headers.Concat(answer.Content.Headers)
                .Where(h => !HopByHop.Contains(h.Key))
                .ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            Body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted),
        };
    }

    private static async Task WriteAsync(HttpContext context, ProviderResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, values) in response.Headers)
        {
            context.Response.Headers[name] = values;
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.DisposeAsync();
    }
}
