using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Harness.Load;

/// <summary>
/// Harness, beside NBomber.Http's <see cref="Http.Send(HttpClient, HttpRequestMessage)"/>: a request written once as
/// HTTP/1.1 bytes (<see cref="Http.Prepare"/>), for a scenario that sends the same request over and over, as wrk does.
/// Sending it (<see cref="PreparedHttpClient"/>) builds no request or headers object and allocates almost nothing, so
/// the generator leaves more of the machine's CPU to a target on the same cores. It holds whatever the request's
/// headers hold (a bearer token, say) and never prints them.
/// </summary>
public sealed class PreparedRequest
{
    internal PreparedRequest(Uri uri, byte[] bytes, int bodyLength, bool isHead)
    {
        Uri = uri;
        Bytes = bytes;
        BodyLength = bodyLength;
        IsHead = isHead;
    }

    /// <summary>Where it goes: its origin is the one a <see cref="PreparedHttpClient"/> sends it to.</summary>
    public Uri Uri { get; }

    internal byte[] Bytes { get; }

    internal int BodyLength { get; }

    internal bool IsHead { get; }

    /// <summary>Method and URL only: the headers may hold credentials.</summary>
    public override string ToString() => $"{Encoding.ASCII.GetString(Bytes, 0, Bytes.AsSpan().IndexOf((byte)' '))} {Uri}";

    internal static PreparedRequest From(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("Http.Prepare: the request has no URL", nameof(request));
        if (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"Http.Prepare: a prepared request speaks plain HTTP/1.1 to an http:// URL, not {(uri.IsAbsoluteUri ? uri.Scheme + "://" : "a relative URL")}; send an https:// request with Http.Send(HttpClient, …)", nameof(request));
        if (request.Version.Major > 1)
            throw new ArgumentException($"Http.Prepare: a prepared request is HTTP/1.1, not HTTP/{request.Version}; send it with Http.Send(HttpClient, …)", nameof(request));

        byte[] body = [];
        if (request.Content is { } content)
        {
            using var stream = new MemoryStream();
            content.ReadAsStream().CopyTo(stream);
            body = stream.ToArray();
        }

        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method.Method} {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\n");
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || (name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && values.ToString().Contains("close", StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Http.Prepare: the header {name}: {values} cannot be prepared (a prepared request has a Content-Length and keeps its connection)", nameof(request));
            AppendHeader(head, name, values.ToString());
        }

        if (request.Content is { } withHeaders)
        {
            foreach (var (name, values) in withHeaders.Headers.NonValidated)
            {
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    AppendHeader(head, name, values.ToString());
            }
        }

        if (request.Content is not null || request.Method == HttpMethod.Post || request.Method == HttpMethod.Put || request.Method == HttpMethod.Patch)
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        var text = head.Append("\r\n").ToString();
        var bytes = new byte[text.Length + body.Length]; // ASCII: one byte per character
        var written = Encoding.ASCII.GetBytes(text, bytes);
        body.CopyTo(bytes.AsSpan(written));
        return new PreparedRequest(uri, bytes, body.Length, request.Method == HttpMethod.Head);
    }

    private static void AppendHeader(StringBuilder head, string name, string value)
    {
        if (value.AsSpan().ContainsAny('\r', '\n') || !Ascii.IsValid(value))
            throw new ArgumentException($"Http.Prepare: the header {name} holds a line break or a non-ASCII character");
        head.Append(name).Append(": ").Append(value).Append("\r\n");
    }
}

/// <summary>
/// Harness: sends <see cref="PreparedRequest"/>s to one http:// origin over kept-alive HTTP/1.1 connections, at most
/// <c>maxConnections</c> at once (a send waits for a free one beyond that). It reads each answer to its end — by
/// Content-Length, chunked, or to the close — and keeps only its status and size. An answer with
/// <c>Connection: close</c> closes its connection; a kept connection the target has closed in the meantime is
/// reopened and the request sent again, once, when nothing of the answer had arrived (as HttpClient does).
/// </summary>
public sealed class PreparedHttpClient : IDisposable
{
    private readonly Uri _origin;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<Connection> _idle = new(); // a queue: a stack's push allocates a node
    private volatile bool _disposed;

    /// <param name="origin">The http:// origin every request goes to.</param>
    /// <param name="maxConnections">At most this many connections, and requests in flight (≥ 1).</param>
    public PreparedHttpClient(Uri origin, int maxConnections = 256)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!origin.IsAbsoluteUri || origin.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"PreparedHttpClient speaks plain HTTP/1.1 to an http:// origin, not {origin}; use HttpClient for https://", nameof(origin));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _origin = origin;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>Sends the request and reads the whole answer; throws <see cref="IOException"/> when the exchange fails.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // its state lives in a pooled box: a send allocates nothing of its own
    public async ValueTask<PreparedResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (request.Uri.Port != _origin.Port || !string.Equals(request.Uri.Host, _origin.Host, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"the request goes to {request.Uri.Authority}, this client to {_origin.Authority}", nameof(request));

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Connection? connection = null;
        try
        {
            var reused = _idle.TryDequeue(out connection);
            connection ??= await Connection.OpenAsync(_origin, cancellationToken).ConfigureAwait(false);
            PreparedResponse response;
            try
            {
                response = await connection.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (reused && ex is IOException or SocketException && !connection.AnswerStarted && !cancellationToken.IsCancellationRequested)
            {
                connection.Dispose(); // the target closed it while it was idle: once more, on a new one
                connection = await Connection.OpenAsync(_origin, cancellationToken).ConfigureAwait(false);
                response = await connection.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (connection.KeepAlive && !_disposed)
            {
                _idle.Enqueue(connection);
                connection = null;
            }

            return response;
        }
        finally
        {
            connection?.Dispose();
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var connection))
            connection.Dispose();
    }

    /// <summary>One kept-alive HTTP/1.1 connection and its read buffer.</summary>
    private sealed class Connection : IDisposable
    {
        private const int BufferSize = 16 * 1024;

        private readonly Socket _socket;
        private readonly byte[] _buffer = new byte[BufferSize];

        private Connection(Socket socket) => _socket = socket;

        public bool KeepAlive { get; private set; }

        public bool AnswerStarted { get; private set; }

        public static async ValueTask<Connection> OpenAsync(Uri origin, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(origin.Host, origin.Port, cancellationToken).ConfigureAwait(false);
                return new Connection(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        public async ValueTask<PreparedResponse> ExchangeAsync(PreparedRequest request, CancellationToken cancellationToken)
        {
            KeepAlive = false;
            AnswerStarted = false;
            var bytes = request.Bytes;
            for (var sent = 0; sent < bytes.Length;)
                sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);

            // The head: read until its blank line, which must fit in the buffer.
            int read = 0, headEnd;
            while ((headEnd = _buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (read == _buffer.Length)
                    throw new IOException($"an answer's head is longer than {BufferSize} bytes");
                read += await ReceiveAsync(read, cancellationToken).ConfigureAwait(false);
                AnswerStarted = true;
            }

            var head = Head.Parse(_buffer.AsSpan(0, headEnd));
            if (head.Status is >= 100 and < 200)
                throw new IOException($"an interim answer ({head.Status}) to a prepared request: it does not send Expect");
            var start = headEnd + 4;
            long bodyBytes;
            if (request.IsHead || head.Status is 204 or 304)
            {
                bodyBytes = 0;
                if (read > start)
                    throw new IOException($"{read - start} bytes after an answer that has no body");
            }
            else if (head.Chunked)
            {
                bodyBytes = await ReadChunkedAsync(start, read, cancellationToken).ConfigureAwait(false);
            }
            else if (head.ContentLength is { } length)
            {
                bodyBytes = length;
                var have = (long)(read - start);
                if (have > length)
                    throw new IOException($"{have - length} bytes after an answer's Content-Length (a prepared request is never pipelined)");
                while (have < length)
                    have += await ReceiveAsync(0, cancellationToken, (int)Math.Min(BufferSize, length - have)).ConfigureAwait(false);
            }
            else
            {
                // No length: the body runs to the close.
                bodyBytes = read - start;
                int got;
                while ((got = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
                    bodyBytes += got;
                return new PreparedResponse(head.Status, request.BodyLength + bodyBytes);
            }

            KeepAlive = head.KeepAlive;
            return new PreparedResponse(head.Status, request.BodyLength + bodyBytes);
        }

        /// <summary>Reads at least one byte into the buffer at <paramref name="at"/>; the target closing first is an error.</summary>
        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<int> ReceiveAsync(int at, CancellationToken cancellationToken, int most = int.MaxValue)
        {
            var got = await _socket.ReceiveAsync(_buffer.AsMemory(at, Math.Min(most, _buffer.Length - at)), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            return got > 0 ? got : throw new IOException(AnswerStarted ? "the target closed the connection in the middle of an answer" : "the target closed the connection before answering");
        }

        /// <summary>Reads a chunked body to its last chunk and trailers; returns the data bytes.</summary>
        private async ValueTask<long> ReadChunkedAsync(int at, int read, CancellationToken cancellationToken)
        {
            var chunked = new ChunkedReader();
            while (!chunked.Feed(_buffer.AsSpan(at, read - at)))
            {
                at = 0;
                read = await ReceiveAsync(0, cancellationToken).ConfigureAwait(false);
            }

            if (chunked.Leftover > 0)
                throw new IOException($"{chunked.Leftover} bytes after a chunked answer's end (a prepared request is never pipelined)");
            return chunked.DataBytes;
        }

        public void Dispose() => _socket.Dispose();
    }

    /// <summary>What the head of an answer says about its body and connection.</summary>
    private readonly record struct Head(int Status, long? ContentLength, bool Chunked, bool KeepAlive)
    {
        public static Head Parse(ReadOnlySpan<byte> head)
        {
            var lineEnd = head.IndexOf("\r\n"u8);
            var statusLine = lineEnd < 0 ? head : head[..lineEnd];
            if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
                throw new IOException($"not an HTTP/1.x status line: {Encoding.ASCII.GetString(statusLine[..Math.Min(statusLine.Length, 40)])}");
            var keepAlive = statusLine[7] == (byte)'1'; // HTTP/1.1 keeps the connection unless told; HTTP/1.0 closes it unless told
            long? contentLength = null;
            var chunked = false;
            foreach (var range in head.Split("\r\n"u8))
            {
                var line = head[range];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                    continue;
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim(" \t"u8);
                if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                    contentLength = Utf8Parser.TryParse(value, out long length, out var used) && used == value.Length && length >= 0
                        ? length
                        : throw new IOException($"an invalid Content-Length: {Encoding.ASCII.GetString(value)}");
                else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                    chunked = EndsWithToken(value, "chunked"u8);
                else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
                    keepAlive = ContainsToken(value, "keep-alive"u8) || (keepAlive && !ContainsToken(value, "close"u8));
            }

            return new Head(status, chunked ? null : contentLength, chunked, keepAlive);
        }

        private static bool ContainsToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
        {
            foreach (var range in value.Split((byte)','))
            {
                if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
                    return true;
            }

            return false;
        }

        private static bool EndsWithToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
        {
            var last = value.LastIndexOf((byte)',');
            return Ascii.EqualsIgnoreCase(value[(last + 1)..].Trim(" \t"u8), token);
        }
    }
}

/// <summary>A prepared request's answer: its status code, and its size as <see cref="Http.Send(HttpClient, HttpRequestMessage)"/> counts it (request body + answer body).</summary>
public readonly record struct PreparedResponse(int StatusCode, long SizeBytes)
{
    public bool IsSuccessStatusCode => StatusCode is >= 200 and < 300;
}

/// <summary>A chunked body's parser, fed the bytes as they arrive (RFC 9112 §7.1): sizes, data, CRLFs, trailers.</summary>
internal struct ChunkedReader
{
    private State _state;
    private long _remaining;
    private bool _sawDigit;
    private int _lineLength;

    private enum State
    {
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        Trailer,
        TrailerLf,
        Done,
    }

    /// <summary>The data bytes read so far.</summary>
    public long DataBytes { get; private set; }

    /// <summary>After the end: how many of the last bytes fed came after it.</summary>
    public int Leftover { get; private set; }

    /// <summary>Consumes <paramref name="bytes"/>; true once the last chunk's trailers have ended.</summary>
    public bool Feed(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            switch (_state)
            {
                case State.Size:
                    var digit = HexValue(b);
                    if (digit >= 0)
                    {
                        if (_remaining > (long.MaxValue >> 4))
                            throw new IOException("a chunk size too large");
                        _remaining = (_remaining << 4) | (uint)digit;
                        _sawDigit = true;
                    }
                    else if (_sawDigit && b is (byte)';' or (byte)' ' or (byte)'\t')
                    {
                        _state = State.Extension;
                    }
                    else if (_sawDigit && b == (byte)'\r')
                    {
                        _state = State.SizeLf;
                    }
                    else
                    {
                        throw new IOException($"an invalid chunk size (byte 0x{b:x2})");
                    }

                    break;
                case State.Extension:
                    if (b == (byte)'\r')
                        _state = State.SizeLf;
                    break;
                case State.SizeLf:
                    Expect(b, (byte)'\n');
                    _sawDigit = false;
                    _state = _remaining == 0 ? State.Trailer : State.Data;
                    _lineLength = 0;
                    break;
                case State.Data:
                    var take = (int)Math.Min(_remaining, bytes.Length - i);
                    _remaining -= take;
                    DataBytes += take;
                    i += take - 1;
                    if (_remaining == 0)
                        _state = State.DataCr;
                    break;
                case State.DataCr:
                    Expect(b, (byte)'\r');
                    _state = State.DataLf;
                    break;
                case State.DataLf:
                    Expect(b, (byte)'\n');
                    _state = State.Size;
                    break;
                case State.Trailer:
                    if (b == (byte)'\r')
                        _state = State.TrailerLf;
                    else
                        _lineLength++;
                    break;
                case State.TrailerLf:
                    Expect(b, (byte)'\n');
                    if (_lineLength == 0)
                    {
                        _state = State.Done;
                        Leftover = bytes.Length - i - 1;
                        return true;
                    }

                    _lineLength = 0;
                    _state = State.Trailer;
                    break;
                default:
                    Leftover = bytes.Length - i;
                    return true;
            }
        }

        return _state == State.Done;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static void Expect(byte b, byte expected)
    {
        if (b != expected)
            throw new IOException($"a chunked body: expected 0x{expected:x2}, got 0x{b:x2}");
    }
}
