using Match = Harness.Pact.Matchers.Match;

namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>A message consumer test written as PactNet 5's samples write them; only the using lines differ.</summary>
[Collection(OrdersPact.Name)]
public class OrderCreatedConsumerTests
{
    private readonly OrderCreatedConsumer _consumer;
    private readonly List<int> _fulfilled = [];

    private readonly IMessagePactBuilderV4 _pact;

    public OrderCreatedConsumerTests(ITestOutputHelper output)
    {
        this._consumer = new OrderCreatedConsumer(this._fulfilled);

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
            },
        };

        this._pact = Pact.V4("Fulfilment API", "Orders API", config).WithMessageInteractions();
    }

    [Fact]
    public async Task OnMessageAsync_OrderCreated_HandlesMessage()
    {
        await this._pact
                  .ExpectsToReceive("an event indicating that an order has been created")
                  .WithJsonContent(new
                  {
                      Id = Match.Integer(1),
                  })
                  .VerifyAsync<OrderCreatedEvent>(async message =>
                  {
                      await this._consumer.OnMessageAsync(message);

                      this._fulfilled.Should().Contain(message.Id);
                  });
    }
}
