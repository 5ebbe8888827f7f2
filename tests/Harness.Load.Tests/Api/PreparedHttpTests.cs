using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harness.Load.Tests.Api;

/// <summary>
/// Http.Prepare and PreparedHttpClient: the bytes a prepared request is, and the answers it reads to their end — by
/// Content-Length, chunked, or to the close — from a scripted HTTP/1.1 server on loopback, connection by connection.
/// </summary>
public sealed class PreparedHttpTests : IAsyncDisposable
{
    private readonly ScriptedServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public void Prepare_PostWithHeadersAndBody_IsOneHttp11MessageWithItsLength()
    {
        using var message = Http.CreateRequest("post", "http://127.0.0.1:8080/airline/v1.1/cfar_offers?x=1")
            .WithHeader("Authorization", "Bearer s3cret")
            .WithBody(new StringContent("{\"a\":1}"))
            .WithHeader("Content-Type", "application/json");

        var prepared = Http.Prepare(message);

        Encoding.ASCII.GetString(prepared.Bytes).Should().Be(
            "POST /airline/v1.1/cfar_offers?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer s3cret\r\n" +
            "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
        prepared.ToString().Should().Be("POST http://127.0.0.1:8080/airline/v1.1/cfar_offers?x=1").And.NotContain("s3cret");
    }

    [Theory]
    [InlineData("https://127.0.0.1:1/x", "http://", "Http.Send(HttpClient")]
    [InlineData("/relative", "a relative URL", "Http.Send(HttpClient")]
    public void Prepare_NotAPlainHttpUrl_IsRefusedNamingTheAlternative(string url, string named, string alternative)
    {
        using var message = Http.CreateRequest("GET", url);

        var prepare = () => Http.Prepare(message);

        prepare.Should().Throw<ArgumentException>().WithMessage($"*{named}*").WithMessage($"*{alternative}*");
    }

    [Fact]
    public void Prepare_HeaderWithALineBreak_IsRefused()
    {
        using var message = Http.CreateRequest("GET", "http://127.0.0.1:1/x").WithHeader("X-Bad", "a\r\nInjected: 1");

        var prepare = () => Http.Prepare(message);

        prepare.Should().Throw<ArgumentException>().WithMessage("*X-Bad*line break*");
    }

    [Fact]
    public async Task Send_KeptAliveAnswers_ReuseOneConnectionAndCountTheBodies()
    {
        _server.Answer("HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello");
        using var client = new PreparedHttpClient(_server.Origin);
        var request = Post(_server, body: "12345678");

        var first = await Http.Send(client, request);
        var second = await Http.Send(client, request);

        first.IsError.Should().BeFalse();
        first.StatusCode.Should().Be("201");
        first.SizeBytes.Should().Be(8 + 5, "request body + answer body, as Http.Send counts");
        second.StatusCode.Should().Be("201");
        _server.Connections.Should().Be(1, "an HTTP/1.1 answer keeps its connection");
        _server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.EndsWith("\r\n\r\n12345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ChunkedAnswerWithTrailers_IsReadToItsEndAndTheConnectionKept()
    {
        _server.Answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n0B\r\npedia in ch\r\n0\r\nX-Trailer: t\r\n\r\n");
        using var client = new PreparedHttpClient(_server.Origin);

        var first = await client.SendAsync(Get(_server));
        var second = await client.SendAsync(Get(_server));

        first.Should().Be(new PreparedResponse(200, 4 + 11));
        second.StatusCode.Should().Be(200);
        _server.Connections.Should().Be(1);
    }

    [Fact]
    public async Task Send_ConnectionClose_OpensANewConnectionForTheNextRequest()
    {
        _server.Answer("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", close: true);
        using var client = new PreparedHttpClient(_server.Origin);

        (await client.SendAsync(Get(_server))).StatusCode.Should().Be(200);
        (await client.SendAsync(Get(_server))).StatusCode.Should().Be(200);

        _server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task Send_Http10AnswerWithoutLength_ReadsToTheClose()
    {
        _server.Answer("HTTP/1.0 200 OK\r\n\r\nuntil the end", close: true);
        using var client = new PreparedHttpClient(_server.Origin);

        var answer = await client.SendAsync(Get(_server));

        answer.Should().Be(new PreparedResponse(200, "until the end".Length));
    }

    [Fact]
    public async Task Send_KeptConnectionClosedByTheTargetWhileIdle_IsReopenedAndTheRequestSentAgain()
    {
        // The server answers one request per connection, then closes it without saying so: the client finds out on its next send.
        _server.Answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", close: true);
        using var client = new PreparedHttpClient(_server.Origin);

        (await client.SendAsync(Get(_server))).StatusCode.Should().Be(200);
        await _server.WaitForClosedAsync(1);
        var second = await client.SendAsync(Get(_server));

        second.StatusCode.Should().Be(200);
        _server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task Send_ErrorStatus_IsAFailWithItsStatus()
    {
        _server.Answer("HTTP/1.1 422 Unprocessable Entity\r\nContent-Length: 2\r\n\r\n{}");
        using var client = new PreparedHttpClient(_server.Origin);

        var response = await Http.Send(client, Post(_server, body: "x"));

        response.IsError.Should().BeTrue();
        response.StatusCode.Should().Be("422");
        response.SizeBytes.Should().Be(1 + 2);
    }

    [Fact]
    public async Task Send_TargetClosesBeforeAnswering_IsAnIOExceptionSayingSo()
    {
        _server.Answer("", close: true);
        using var client = new PreparedHttpClient(_server.Origin);

        var send = async () => await client.SendAsync(Get(_server));

        await send.Should().ThrowAsync<IOException>().WithMessage("*closed the connection before answering*");
    }

    [Fact]
    public void Client_HttpsOrigin_IsRefused()
    {
        var create = () => new PreparedHttpClient(new Uri("https://127.0.0.1:1/"));

        create.Should().Throw<ArgumentException>().WithMessage("*http://*HttpClient*");
    }

    [Fact]
    public async Task Send_RequestForAnotherOrigin_IsRefused()
    {
        using var client = new PreparedHttpClient(new Uri("http://127.0.0.1:1/"));
        using var message = Http.CreateRequest("GET", "http://127.0.0.1:2/x");

        var send = async () => await client.SendAsync(Http.Prepare(message));

        await send.Should().ThrowAsync<ArgumentException>().WithMessage("*127.0.0.1:2*127.0.0.1:1*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public void ChunkedReader_FedInAnyPieces_CountsTheDataAndWhatCameAfter(int piece)
    {
        var body = Encoding.ASCII.GetBytes("1a\r\nabcdefghijklmnopqrstuvwxyz\r\n3;name=value\r\nxyz\r\n0\r\nTrailer: 1\r\n\r\nNEXT");
        var reader = new ChunkedReader();
        var done = false;
        var fedUpTo = 0;
        for (var at = 0; at < body.Length && !done; at += piece)
        {
            fedUpTo = Math.Min(body.Length, at + piece);
            done = reader.Feed(body.AsSpan(at, fedUpTo - at));
        }

        done.Should().BeTrue();
        reader.DataBytes.Should().Be(26 + 3);
        (body.Length - fedUpTo + reader.Leftover).Should().Be("NEXT".Length, "the bytes after the last CRLF are not the body's");
    }

    [Theory]
    [InlineData("zz\r\n")]
    [InlineData("3\r\nabcX\r\n")]
    [InlineData("\r\n")]
    public void ChunkedReader_MalformedBody_IsAnIOException(string body)
    {
        var feed = () => new ChunkedReader().Feed(Encoding.ASCII.GetBytes(body));

        feed.Should().Throw<IOException>().WithMessage("*chunk*");
    }

    private static PreparedRequest Get(ScriptedServer server)
    {
        using var message = Http.CreateRequest("GET", new Uri(server.Origin, "/x").ToString());
        return Http.Prepare(message);
    }

    private static PreparedRequest Post(ScriptedServer server, string body)
    {
        using var message = Http.CreateRequest("POST", new Uri(server.Origin, "/x").ToString()).WithBody(new StringContent(body));
        return Http.Prepare(message);
    }

    /// <summary>
    /// A loopback HTTP/1.1 server with one scripted answer: it reads each request (head and Content-Length body), records
    /// it, writes the answer, and closes the connection after it when told to.
    /// </summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _connections = [];
        private readonly Task _accepting;
        private byte[] _answer = [];
        private bool _close;
        private readonly SemaphoreSlim _closed = new(0);

        public ScriptedServer()
        {
            _listener.Start();
            Origin = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _accepting = AcceptAsync();
        }

        public Uri Origin { get; }

        public List<string> Requests { get; } = [];

        public int Connections { get; private set; }

        public void Answer(string answer, bool close = false) => (_answer, _close) = (Encoding.ASCII.GetBytes(answer), close);

        /// <summary>Until the server has closed <paramref name="count"/> more connections.</summary>
        public async Task WaitForClosedAsync(int count)
        {
            for (var i = 0; i < count; i++)
                await _closed.WaitAsync(_stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _accepting;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            await Task.WhenAll(_connections.ToArray()).ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_connections)
                {
                    Connections++;
                    _connections.Add(ServeAsync(socket));
                }
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var _ = socket;
            var buffer = new byte[64 * 1024];
            var read = 0;
            try
            {
                while (true)
                {
                    int headEnd;
                    while ((headEnd = buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        var got = await socket.ReceiveAsync(buffer.AsMemory(read), _stop.Token);
                        if (got == 0)
                            return;
                        read += got;
                    }

                    var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                    var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                    var total = headEnd + 4 + (lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
                    while (read < total)
                        read += await socket.ReceiveAsync(buffer.AsMemory(read), _stop.Token);
                    lock (Requests)
                        Requests.Add(Encoding.ASCII.GetString(buffer, 0, total));
                    buffer.AsSpan(total, read - total).CopyTo(buffer);
                    read -= total;
                    await socket.SendAsync(_answer, _stop.Token);
                    if (_close)
                        return;
                }
            }
            finally
            {
                _closed.Release();
            }
        }
    }
}
