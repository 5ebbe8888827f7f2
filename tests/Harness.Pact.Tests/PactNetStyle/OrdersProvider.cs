using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Harness.Pact.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Harness.Pact.Tests.PactNetStyle;

// The "provider" of PactNet's OrdersApi sample: the Orders API with an in-memory repository, on 127.0.0.1 (a free port),
// and the provider-state middleware its provider tests install.

/// <summary>The Orders API on 127.0.0.1 with <see cref="ProviderStateMiddleware"/> in front.</summary>
public sealed class OrdersProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private OrdersProvider(WebApplication app, Uri baseUri)
    {
        this.app = app;
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
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed class OrderRepository
{
    private readonly ConcurrentDictionary<int, OrderDto> orders = new();

    public OrderDto? Find(int id) => orders.GetValueOrDefault(id);

    public void Insert(OrderDto order) => orders[order.Id] = order;

    public bool Update(OrderDto order) => orders.TryUpdate(order.Id, order, orders[order.Id]);

    public void Clear() => orders.Clear();
}

/// <summary>The provider-state endpoint, as in PactNet's sample: state name → async setup taking the state's parameters.</summary>
public sealed class ProviderStateMiddleware
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private readonly IDictionary<string, Func<IDictionary<string, object>, Task>> providerStates;
    private readonly RequestDelegate next;
    private readonly OrderRepository orders;

    public ProviderStateMiddleware(RequestDelegate next, OrderRepository orders)
    {
        this.next = next;
        this.orders = orders;
        providerStates = new Dictionary<string, Func<IDictionary<string, object>, Task>>
        {
            ["an order with ID {id} exists"] = EnsureOrderExistsAsync,
        };
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!(context.Request.Path.Value?.StartsWith("/provider-states", StringComparison.Ordinal) ?? false))
        {
            await next(context);
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
                orders.Clear();
            }
            else if (!string.IsNullOrEmpty(providerState?.State))
            {
                await providerStates[providerState.State].Invoke(providerState.Params ?? new Dictionary<string, object>());
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
        orders.Insert(new OrderDto(id.GetInt32(), OrderStatus.Fulfilling, new DateTimeOffset(2023, 6, 28, 12, 13, 14, TimeSpan.FromHours(1))));
        return Task.CompletedTask;
    }

    private sealed record ProviderState(string? State, IDictionary<string, object>? Params, string? Action);
}
