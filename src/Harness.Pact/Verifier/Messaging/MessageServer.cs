using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Harness.Pact.Verifier.Messaging;

/// <summary>
/// Serves message scenarios to the engine's verifier, registered as the provider's "message" transport. For each
/// message interaction the verifier POSTs <c>{"description": ..., "providerStates": [...]}</c>; the server answers the
/// scenario's content as the body and its metadata, as base64 JSON, in the <c>Pact-Message-Metadata</c> header.
/// Listens on 127.0.0.1 only, on a free port.
/// </summary>
internal sealed class MessageServer : IDisposable
{
    internal const string BasePath = "/pact-messages/";
    private const string MetadataHeader = "Pact-Message-Metadata";

    private readonly IReadOnlyDictionary<string, Scenario> _scenarios;
    private readonly JsonSerializerOptions _settings;
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private MessageServer(IReadOnlyDictionary<string, Scenario> scenarios, JsonSerializerOptions settings, HttpListener listener, int port)
    {
        this._scenarios = scenarios;
        this._settings = settings;
        this._listener = listener;
        Port = port;
        _loop = Task.Run(ServeAsync);
    }

    internal int Port { get; }

    /// <summary>What went wrong serving messages (no scenario for a description, a scenario that threw), for the report.</summary>
    internal ConcurrentQueue<string> Problems { get; } = new();

    internal static MessageServer Start(IReadOnlyDictionary<string, Scenario> scenarios, JsonSerializerOptions settings)
    {
        // HttpListener cannot bind port 0: take a free port from the OS, then listen on it. Another process can grab the
        // port in between; try again with a new one when that happens.
        HttpListenerException? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}{BasePath}");
            try
            {
                listener.Start();
                return new MessageServer(scenarios, settings, listener, port);
            }
            catch (HttpListenerException exception)
            {
                last = exception;
                listener.Close();
            }
        }

        throw new PactException($"The message server for the verifier could not listen on 127.0.0.1: {last?.Message}", last);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
            // The listener closed under a pending GetContextAsync: the loop has ended.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string? description;
            try
            {
                using var request = await JsonDocument.ParseAsync(context.Request.InputStream);
                description = request.RootElement.ValueKind == JsonValueKind.Object
                    && request.RootElement.TryGetProperty("description", out var value)
                    && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
            }
            catch (JsonException)
            {
                description = null;
            }

            if (description is null)
            {
                await WriteTextAsync(response, 400, "The verifier's message request has no \"description\".");
                return;
            }

            if (!_scenarios.TryGetValue(description, out var scenario))
            {
                var problem =
                    $"No message scenario for '{description}': add it with WithMessages(scenarios => scenarios.Add(\"{description}\", () => ...)). " +
                    $"Scenarios: {(_scenarios.Count == 0 ? "none" : string.Join(", ", _scenarios.Keys.Select(key => "'" + key + "'")))}.";
                Problems.Enqueue(problem);
                await WriteTextAsync(response, 404, problem);
                return;
            }

            object? content;
            try
            {
                content = await scenario.InvokeAsync();
            }
            catch (Exception exception)
            {
                var problem = $"The message scenario '{description}' threw {exception.GetType().Name}: {exception.Message}";
                Problems.Enqueue(problem);
                await WriteTextAsync(response, 500, problem);
                return;
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(content, content?.GetType() ?? typeof(object), scenario.JsonSettings ?? _settings);
            if (scenario.Metadata is not null)
            {
                object metadata = scenario.Metadata;
                var json = JsonSerializer.SerializeToUtf8Bytes(metadata, metadata.GetType(), scenario.JsonSettings ?? _settings);
                response.Headers[MetadataHeader] = Convert.ToBase64String(json);
            }

            response.StatusCode = 200;
            response.ContentType = "application/json";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException)
        {
            // The verifier hung up; it reports the failed request itself.
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task WriteTextAsync(HttpListenerResponse response, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
