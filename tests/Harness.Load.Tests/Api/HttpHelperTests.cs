using System.Net;

namespace Harness.Load.Tests.Api;

/// <summary>The Http helpers' per-request shortcuts: the shared method and URL instances, and the body read and discarded.</summary>
public class HttpHelperTests
{
    [Fact]
    public void CreateRequest_StandardMethodInAnyCase_IsTheSharedUppercaseMethod()
    {
        using var lower = Http.CreateRequest("post", "http://127.0.0.1:1/a");
        using var custom = Http.CreateRequest("purge", "http://127.0.0.1:1/a");

        lower.Method.Should().BeSameAs(HttpMethod.Post);
        custom.Method.Method.Should().Be("PURGE");
    }

    [Fact]
    public void CreateRequest_AlternatingUrls_EachRequestGetsItsOwnUrl()
    {
        var urls = new[] { "http://127.0.0.1:1/a", "http://127.0.0.1:1/b", "http://127.0.0.1:1/b", "http://127.0.0.1:1/a", "/relative" };

        var made = urls.Select(u =>
        {
            using var request = Http.CreateRequest("GET", u);
            return request.RequestUri!.OriginalString;
        }).ToArray();

        made.Should().Equal(urls);
    }

    [Fact]
    public async Task SendDiscardingBody_BodyWithoutLength_CountsEveryByteAndConsumesIt()
    {
        var body = new byte[100_000];
        using var handler = new FixedHandler(HttpStatusCode.Created, body);
        using var client = new HttpClient(handler);
        using var request = Http.CreateRequest("POST", "http://127.0.0.1:1/x").WithBody(new ByteArrayContent(new byte[10]));

        var response = await Http.SendDiscardingBody(client, request, CancellationToken.None);

        response.IsError.Should().BeFalse();
        response.StatusCode.Should().Be("201");
        response.SizeBytes.Should().Be(10 + 100_000, "the request body plus every byte of a response that has no Content-Length");
        handler.Body!.Position.Should().Be(body.Length, "the body was read to its end, so the connection can be reused");
        response.Payload.Value.Dispose();
    }

    [Fact]
    public async Task SendDiscardingBody_ErrorStatus_IsAFailWithTheStatusAndReason()
    {
        using var handler = new FixedHandler(HttpStatusCode.UnprocessableEntity, new byte[7]);
        using var client = new HttpClient(handler);
        using var request = Http.CreateRequest("GET", "http://127.0.0.1:1/x");

        var response = await Http.SendDiscardingBody(client, request, CancellationToken.None);

        response.IsError.Should().BeTrue();
        response.StatusCode.Should().Be("422");
        response.Message.Should().Be("Unprocessable Entity");
        response.SizeBytes.Should().Be(7);
        response.Payload.Value.Dispose();
    }

    [Fact]
    public void StepStatistics_OkAndFailed_CorrectedAndServiceHoldBoth()
    {
        var step = new StepStatistics("s", 0);

        step.Record(ok: true, "201", "", 10, correctedMicros: 1_000, serviceMicros: 900);
        step.Record(ok: false, "500", "boom", 10, correctedMicros: 5_000, serviceMicros: 4_000);
        step.Record(ok: true, "201", "", 10, correctedMicros: 2_000, serviceMicros: 1_900);

        step.Corrected.Count.Should().Be(3);
        step.Corrected.Min.Should().Be(1_000);
        step.Corrected.Max.Should().Be(5_000);
        step.Service.Mean.Should().BeApproximately((900 + 4_000 + 1_900) / 3.0, 0.001);
        step.ByStatus["201"].Count.Should().Be(2);
        step.ByStatus["500"].Count.Should().Be(1);
        step.ByStatus["500"].Message.Should().Be("boom");
    }

    /// <summary>Answers every request with <paramref name="status"/> and a body of unknown length (a plain stream).</summary>
    private sealed class FixedHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        public MemoryStream? Body { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = new MemoryStream(body);
            var content = new StreamContent(new UnknownLength(Body));
            return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A stream that hides its length, so the content has no Content-Length, as a chunked response.</summary>
    private sealed class UnknownLength(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
