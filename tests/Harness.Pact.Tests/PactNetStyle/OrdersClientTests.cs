using System.Net.Http.Headers;
using Match = Harness.Pact.Matchers.Match;

namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>A consumer test written as PactNet 5's README and samples write them; only the using lines differ.</summary>
[Collection(OrdersPact.Name)]
public class OrdersClientTests
{
    private readonly IPactBuilderV4 _pact;

    public OrdersClientTests(ITestOutputHelper output)
    {
        var config = new PactConfig
        {
            PactDir = OrdersPact.PactDir,
            Outputters = new[]
            {
                new XunitOutput(output),
            },
            DefaultJsonSettings = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                PropertyNameCaseInsensitive = true,
                Converters = { new JsonStringEnumConverter() },
            },
            LogLevel = PactLogLevel.Debug,
        };

        this._pact = Pact.V4("Fulfilment API", "Orders API", config).WithHttpInteractions();
    }

    [Fact]
    public async Task GetOrderAsync_WhenCalled_ReturnsOrder()
    {
        var expected = new OrderDto(1, OrderStatus.Pending, new DateTimeOffset(2023, 6, 28, 12, 13, 14, TimeSpan.FromHours(1)));

        this._pact
            .UponReceiving("a request for an order by ID")
                .Given("an order with ID {id} exists", new Dictionary<string, string> { ["id"] = "1" })
                .WithRequest(HttpMethod.Get, "/api/orders/1")
                .WithHeader("Accept", "application/json")
            .WillRespond()
                .WithStatus(HttpStatusCode.OK)
                .WithJsonBody(new
                {
                    Id = Match.Integer(expected.Id),
                    Status = Match.Regex(expected.Status.ToString(), string.Join("|", Enum.GetNames<OrderStatus>())),
                    Date = Match.Type(expected.Date.ToString("O")),
                });

        await this._pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            http.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
            var client = new OrdersClient(http);

            OrderDto order = await client.GetOrderAsync(1);

            order.Should().Be(expected);
        });
    }

    [Fact]
    public async Task GetOrderAsync_UnknownOrder_ReturnsNotFound()
    {
        this._pact
            .UponReceiving("a request for an order with an unknown ID")
                .WithRequest(HttpMethod.Get, "/api/orders/404")
                .WithHeader("Accept", "application/json")
            .WillRespond()
                .WithStatus(HttpStatusCode.NotFound);

        await this._pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            http.DefaultRequestHeaders.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
            var client = new OrdersClient(http);

            Func<Task> action = () => client.GetOrderAsync(404);

            var response = await action.Should().ThrowAsync<HttpRequestException>();
            response.And.StatusCode.Should().Be(HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task UpdateOrderAsync_WhenCalled_UpdatesOrder()
    {
        this._pact
            .UponReceiving("a request to update the status of an order")
                .Given("an order with ID {id} exists", new Dictionary<string, string> { ["id"] = "1" })
                .WithRequest(HttpMethod.Put, "/api/orders/1/status")
                .WithJsonBody(Match.Regex(OrderStatus.Fulfilling.ToString(), string.Join("|", Enum.GetNames<OrderStatus>())))
            .WillRespond()
                .WithStatus(HttpStatusCode.NoContent);

        await this._pact.VerifyAsync(async ctx =>
        {
            using var http = new HttpClient { BaseAddress = ctx.MockServerUri };
            var client = new OrdersClient(http);

            await client.UpdateOrderAsync(1, OrderStatus.Fulfilling);
        });
    }
}
