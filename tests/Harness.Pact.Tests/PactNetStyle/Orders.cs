namespace Harness.Pact.Tests.PactNetStyle;

// The "consumer" of PactNet's OrdersApi sample, in the same shape: a fulfilment service reading and updating orders over
// HTTP, and handling "order created" events.

public enum OrderStatus
{
    Pending,
    Fulfilling,
    Shipped,
}

public sealed record OrderDto(int Id, OrderStatus Status, DateTimeOffset Date);

public sealed record OrderCreatedEvent(int Id);

/// <summary>Reads and updates orders on the Orders API.</summary>
public sealed class OrdersClient(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<OrderDto> GetOrderAsync(int orderId)
    {
        using var response = await http.GetAsync(new Uri($"api/orders/{orderId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderDto>(Json) ?? throw new InvalidOperationException("The order body was null.");
    }

    public async Task UpdateOrderAsync(int orderId, OrderStatus status)
    {
        using var response = await http.PutAsJsonAsync(new Uri($"api/orders/{orderId}/status", UriKind.Relative), status, Json);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>Fulfils the orders it is told about.</summary>
public sealed class OrderCreatedConsumer(ICollection<int> fulfilled)
{
    public Task OnMessageAsync(OrderCreatedEvent message)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(message.Id);
        fulfilled.Add(message.Id);
        return Task.CompletedTask;
    }
}
