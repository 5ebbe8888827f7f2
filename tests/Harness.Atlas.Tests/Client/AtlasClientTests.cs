using System.Globalization;
using System.IO.Compression;

namespace Harness.Atlas.Tests.Client;

public sealed class AtlasClientTests
{
    private static readonly IncidentListQuery AnyQuery = new() { PageSize = 10 };

    [Theory]
    [InlineData(-1, AtlasStatus.CommonError, typeof(AtlasSystemErrorException), true)]
    [InlineData(2, AtlasStatus.SystemError, typeof(AtlasSystemErrorException), true)]
    [InlineData(100, AtlasStatus.MissingRequiredData, typeof(AtlasRequestRejectedException), false)]
    [InlineData(900, AtlasStatus.UnauthorizedAccess, typeof(AtlasAuthorizationException), false)]
    [InlineData(901, AtlasStatus.IllegalRequestData, typeof(AtlasRequestRejectedException), false)]
    [InlineData(902, AtlasStatus.AccessDenied, typeof(AtlasAuthorizationException), false)]
    [InlineData(9999, AtlasStatus.UnexpectedSystemError, typeof(AtlasSystemErrorException), true)]
    [InlineData(4242, (AtlasStatus)4242, typeof(AtlasApiException), false)]
    public async Task GetIncidentPageAsync_WhenStatusIsNotZero_ThrowsTypedException(int status, AtlasStatus expected, Type exceptionType, bool retryable)
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, $$"""{"status":{{status}},"msg":"success"}""");
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.GetIncidentPageAsync(AnyQuery);

        var thrown = (await act.Should().ThrowAsync<AtlasApiException>()).Which;
        thrown.Should().BeOfType(exceptionType);
        thrown.Status.Should().Be(expected);
        thrown.IsRetryable.Should().Be(retryable);
        thrown.Operation.Should().Be(AtlasClient.IncidentListPath);
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenStatusIsZeroAndMsgSaysError_Succeeds()
    {
        // spec: decide on status only, never on msg.
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":0,"msg":"error","records":[],"total":0}""");
        using var client = CannedHandler.ClientFor(handler);

        var page = await client.GetIncidentPageAsync(AnyQuery);

        page.Records.Should().BeEmpty();
        page.Total.Should().Be(0);
    }

    [Fact]
    public async Task UpdateWebhookUrlAsync_WhenHttp429_ThrowsRateLimitedWithRetryAfter()
    {
        using var handler = new CannedHandler(HttpStatusCode.TooManyRequests,
            """{"code":429,"message":"Rate limit exceeded. Please retry after the current window resets","limitType":"SEARCH_QPS","limit":1,"retryAfter":7}""");
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.UpdateWebhookUrlAsync(new Uri("https://partner.test/hook"));

        var thrown = (await act.Should().ThrowAsync<AtlasRateLimitedException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        thrown.LimitType.Should().Be("SEARCH_QPS");
        thrown.Limit.Should().Be(1);
        thrown.Status.Should().Be(AtlasStatus.RateLimitExceeded);
    }

    [Fact]
    public async Task GetIncidentPageAsync_When429BodyArrivesWithHttp200_ThrowsRateLimited()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"code":429,"message":"Rate limit exceeded","limitType":"ATLAS_QPS","limit":5,"retryAfter":"3"}""");
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.GetIncidentPageAsync(AnyQuery);

        (await act.Should().ThrowAsync<AtlasRateLimitedException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
    }

    /// <summary>An HTTP 429 whose body carries no retryAfter (a JSON body without it, or a body that is not JSON): the Retry-After header counts.</summary>
    [Theory]
    [InlineData("""{"code":429}""", 12)]
    [InlineData("Too Many Requests", 2)]
    public async Task GetIncidentPageAsync_When429WithoutRetryAfterInBody_ThrowsRateLimitedWithRetryAfterHeader(string body, int retryAfterSeconds)
    {
        using var handler = new CannedHandler(HttpStatusCode.TooManyRequests, body);
        handler.ResponseHeaders["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.GetIncidentPageAsync(AnyQuery);

        (await act.Should().ThrowAsync<AtlasRateLimitedException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(retryAfterSeconds));
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenBodyIsNotJson_ThrowsTransportException()
    {
        using var handler = new CannedHandler(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.GetIncidentPageAsync(AnyQuery);

        (await act.Should().ThrowAsync<AtlasTransportException>()).Which.Message.Should().Contain("502");
    }

    [Fact]
    public async Task GetIncidentPageAsync_SendsCredentialsHeadersAndAtlasFormattedBody()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":0,"msg":"success","records":[]}""");
        using var client = CannedHandler.ClientFor(handler);
        var query = new IncidentListQuery
        {
            EventType = AtlasEventTypes.AbnormalCancelled,
            EventStatus = [IncidentStatus.Unconfirmed, IncidentStatus.Confirmed],
            EventTimeStart = new DateTimeOffset(2023, 3, 31, 16, 0, 0, TimeSpan.Zero),
            DepTimeEnd = new DateTime(2023, 5, 1, 23, 59, 59),
            PageIndex = 2,
            PageSize = 50,
        };

        await client.GetIncidentPageAsync(query);

        var (request, body) = handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.RequestUri!.AbsoluteUri.Should().Be("http://atlas.test/base/event/getPageList.do");
        request.Headers.GetValues(AtlasClient.ClientIdHeader).Should().Equal("client-42");
        request.Headers.GetValues(AtlasClient.ClientSecretHeader).Should().Equal("s3cr3t-value");
        request.Headers.AcceptEncoding.Select(e => e.Value).Should().Contain("gzip");
        var sent = JsonNode.Parse(body)!.AsObject();
        sent["eventType"]!.GetValue<string>().Should().Be("abnormal.cancelled");
        sent["eventStatus"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(0, 1);
        sent["eventTimeStart"]!.GetValue<string>().Should().Be("2023-04-01 00:00:00", "event times are sent in UTC+08:00");
        sent["depTimeEnd"]!.GetValue<string>().Should().Be("2023-05-01 23:59:59", "departure times stay airport-local");
        sent["pageIndex"]!.GetValue<int>().Should().Be(2);
        sent["pageSize"]!.GetValue<int>().Should().Be(50);
        sent.ContainsKey("orderNo").Should().BeFalse("unset filters are left out");
    }

    [Fact]
    public async Task GetIncidentPageAsync_ReadsBothDateFormsAndStringTypedPaging()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """
            {"status":0,"msg":null,"pageIndex":"1","pageSize":"100","total":"2","records":[
              {"eventId":"20230401003644225YJQGR","orderNo":"HCNMN20230227142411968","eventType":"email.schedulechange","eventStatus":0,
               "eventTime":"Apr 1, 2023 12:36:44 AM","createTime":"2023-04-01 00:36:44","updateIme":"Apr 1, 2023 12:36:44 AM",
               "depTime":"2023-04-23 13:30","confirmTime":null,"notified":1},
              {"eventId":"20230906014000568DRLNX","eventType":"abnormal.cancelled","eventStatus":1,
               "eventTime":"2023-09-06 01:40:00","confirmTime":"Sep 6, 2023 9:05:00 PM","confirmedResult":"NO_CANCELLATION"}]}
            """);
        using var client = CannedHandler.ClientFor(handler);

        var page = await client.GetIncidentPageAsync(AnyQuery);

        page.Total.Should().Be(2);
        page.PageSize.Should().Be(100);
        var first = page.Records[0];
        first.EventTime.Should().Be(new DateTimeOffset(2023, 4, 1, 0, 36, 44, TimeSpan.FromHours(8)));
        first.CreateTime.Should().Be(first.EventTime);
        first.UpdateTime.Should().Be(first.EventTime);
        first.DepTime.Should().Be(new DateTime(2023, 4, 23, 13, 30, 0));
        first.ConfirmTime.Should().BeNull();
        first.EventStatus.Should().Be(IncidentStatus.Unconfirmed);
        var second = page.Records[1];
        second.EventStatus.Should().Be(IncidentStatus.Confirmed);
        second.ConfirmTime.Should().Be(new DateTimeOffset(2023, 9, 6, 21, 5, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task ConfirmEmailScheduleChangeEventAsync_SendsResultInAtlasSpelling()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":0,"msg":"success"}""");
        using var client = CannedHandler.ClientFor(handler);

        await client.ConfirmEmailScheduleChangeEventAsync(new EmailScheduleChangeConfirmation
        {
            EventId = "20230323113246035DNIDD",
            Result = EmailScheduleChangeResult.NoScheduleChange,
            Remark = "checked with airline",
        });

        var (request, body) = handler.Requests.Single();
        request.RequestUri!.AbsolutePath.Should().Be("/base/event/confirmEmailScheduleChangeEvent.do");
        var sent = JsonNode.Parse(body)!.AsObject();
        sent["eventId"]!.GetValue<string>().Should().Be("20230323113246035DNIDD");
        sent["result"]!.GetValue<string>().Should().Be("NO_SCHEDULE_CHANGE");
        sent["remark"]!.GetValue<string>().Should().Be("checked with airline");
    }

    [Fact]
    public async Task UpdateWebhookUrlAsync_SendsUrlAndCid()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":0,"msg":"success"}""");
        using var client = CannedHandler.ClientFor(handler);

        await client.UpdateWebhookUrlAsync(new Uri("https://partner.test/atlas/hook"));

        var (request, body) = handler.Requests.Single();
        request.RequestUri!.AbsolutePath.Should().Be("/base/updateWebhookURL.do");
        var sent = JsonNode.Parse(body)!.AsObject();
        sent["url"]!.GetValue<string>().Should().Be("https://partner.test/atlas/hook");
        sent["cid"]!.GetValue<string>().Should().Be("client-42");
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenResponseIsGzipped_Decompresses()
    {
        await using var host = await AtlasHost.StartAsync(configure: app => app.MapPost("/gzip/event/getPageList.do", async (HttpContext context) =>
        {
            context.Request.Headers.AcceptEncoding.ToString().Should().Contain("gzip");
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/json";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("""{"status":0,"msg":"success","total":1,"records":[{"eventId":"E1","eventType":"email.schedulechange","eventStatus":0}]}"""));
        }));
        using var client = new AtlasClient(new AtlasClientOptions { BaseUrl = new Uri(host.Root, "gzip/"), ClientId = "c", ClientSecret = "s" });

        var page = await client.GetIncidentPageAsync(AnyQuery);

        page.Records.Should().ContainSingle().Which.EventId.Should().Be("E1");
    }

    [Theory]
    [InlineData(null, "id", "secret", "BaseUrl")]
    [InlineData("ftp://atlas.test/", "id", "secret", "BaseUrl")]
    [InlineData("http://atlas.test/", "", "secret", "ClientId")]
    [InlineData("http://atlas.test/", "id", " ", "ClientSecret")]
    public void Constructor_WhenOptionMissingOrWrong_ThrowsNamingIt(string? baseUrl, string clientId, string secret, string name)
    {
        var options = new AtlasClientOptions { BaseUrl = baseUrl is null ? null : new Uri(baseUrl), ClientId = clientId, ClientSecret = secret };

        var act = () => new AtlasClient(options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(name);
    }

    [Fact]
    public async Task GetIncidentPageAsync_WhenPageSizeMissing_ThrowsBeforeCallingAtlas()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":0}""");
        using var client = CannedHandler.ClientFor(handler);

        var act = () => client.GetIncidentPageAsync(new IncidentListQuery());

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("PageSize");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ToStringAndErrors_NeverShowTheSecret()
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, """{"status":900,"msg":"unauthorized"}""");
        var options = new AtlasClientOptions { BaseUrl = new Uri("http://atlas.test/"), ClientId = "client-42", ClientSecret = "s3cr3t-value", HttpMessageHandler = handler };
        using var client = new AtlasClient(options);

        var thrown = (await FluentActions.Awaiting(() => client.GetIncidentPageAsync(AnyQuery)).Should().ThrowAsync<AtlasAuthorizationException>()).Which;

        options.ToString().Should().NotContain("s3cr3t-value").And.Contain("client-42").And.Contain("***");
        client.ToString().Should().NotContain("s3cr3t-value");
        thrown.ToString().Should().NotContain("s3cr3t-value");
    }
}
