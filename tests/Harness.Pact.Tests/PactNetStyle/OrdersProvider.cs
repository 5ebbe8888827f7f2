using Microsoft.Extensions.DependencyInjection;

namespace Harness.Pact.Tests.PactNetStyle;

// The "provider" of PactNet's OrdersApi sample: the Orders API with an in-memory repository, on 127.0.0.1 (a free port),
// and the provider-state middleware its provider tests install.

/// <summary>The Orders API on 127.0.0.1 with <see cref="ProviderStateMiddleware"/> in front.</summary>
public sealed class OrdersProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OrdersProvider(WebApplication app, Uri baseUri)
    {
        this._app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<OrdersProvider> StartAsync()
    {
        var (app, baseUri) = await LoopbackApp.StartAsync(
            app =>
            {
                app.UseMiddleware<ProviderStateMiddleware>();
                app.MapGet("/api/orders/{id:int}", (int id, OrderRepository orders) =>
                    orders.Find(id) is { } order ? Results.Json(order, OrdersClient.Json) : Results.NotFound());
                app.MapPut("/api/orders/{id:int}/status", async (int id, HttpRequest request, OrderRepository orders) =>
                {
                    var status = await JsonSerializer.DeserializeAsync<OrderStatus>(request.Body, OrdersClient.Json);
                    return orders.Find(id) is { } order && orders.Update(order with { Status = status }) ? Results.NoContent() : Results.NotFound();
                });
            },
            services => services.AddSingleton<OrderRepository>());
        return new OrdersProvider(app, baseUri);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class OrderRepository
{
    private readonly ConcurrentDictionary<int, OrderDto> _orders = new();

    public OrderDto? Find(int id) => _orders.GetValueOrDefault(id);

    public void Insert(OrderDto order) => _orders[order.Id] = order;

    public bool Update(OrderDto order) => _orders.TryUpdate(order.Id, order, _orders[order.Id]);

    public void Clear() => _orders.Clear();
}

/// <summary>The provider-state endpoint, as in PactNet's sample: state name → async setup taking the state's parameters.</summary>
public sealed class ProviderStateMiddleware
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private readonly IDictionary<string, Func<IDictionary<string, object>, Task>> _providerStates;
    private readonly RequestDelegate _next;
    private readonly OrderRepository _orders;

    public ProviderStateMiddleware(RequestDelegate next, OrderRepository orders)
    {
        this._next = next;
        this._orders = orders;
        _providerStates = new Dictionary<string, Func<IDictionary<string, object>, Task>>
        {
            ["an order with ID {id} exists"] = EnsureOrderExistsAsync,
        };
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!(context.Request.Path.Value?.StartsWith("/provider-states", StringComparison.Ordinal) ?? false))
        {
            await _next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return;
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        try
        {
            var providerState = JsonSerializer.Deserialize<ProviderState>(body, Options);
            if (providerState?.Action == "teardown")
            {
                _orders.Clear();
            }
            else if (!string.IsNullOrEmpty(providerState?.State))
            {
                await _providerStates[providerState.State].Invoke(providerState.Params ?? new Dictionary<string, object>());
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync($"Provider state failed: {exception.Message} (body {body})");
        }
    }

    private Task EnsureOrderExistsAsync(IDictionary<string, object> parameters)
    {
        // As in PactNet's sample: the consumer wrote "1" and the pact records the number 1.
        var id = (JsonElement)parameters["id"];
        _orders.Insert(new OrderDto(id.GetInt32(), OrderStatus.Fulfilling, new DateTimeOffset(2023, 6, 28, 12, 13, 14, TimeSpan.FromHours(1))));
        return Task.CompletedTask;
    }

    private sealed record ProviderState(string? State, IDictionary<string, object>? Params, string? Action);
}
