// A minimal receiver for Atlas webhooks. Partners may copy this file as is: it depends only on ASP.NET Core.
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Harness.Sandbox.Atlas;

/// <summary>One notification as received: the envelope {cid, type, notificationId, status, data}.</summary>
public sealed record AtlasWebhookNotification(string? Cid, string Type, string? NotificationId, int Status, JsonElement Data, DateTimeOffset ReceivedAt)
{
    /// <summary>notificationId when Atlas sends one (incidents, email.all); otherwise type plus the payload itself.</summary>
    public string DeduplicationKey => NotificationId ?? $"{Type}:{Data.GetRawText()}";
}

/// <summary>
/// What the receiver accepted. Recording is all the endpoint does; processing happens off the request, by reading
/// <see cref="Pending"/> (e.g. from a BackgroundService), so Atlas gets its 200 at once.
/// </summary>
public sealed class WebhookInbox
{
    private readonly Lock _gate = new();
    private readonly List<AtlasWebhookNotification> _received = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Channel<AtlasWebhookNotification> _pending;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _duplicates;

    /// <param name="pendingCapacity">How many unprocessed notifications <see cref="Pending"/> holds; the oldest is dropped beyond it.</param>
    public WebhookInbox(TimeProvider? timeProvider = null, int pendingCapacity = 10_000)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _pending = Channel.CreateBounded<AtlasWebhookNotification>(new BoundedChannelOptions(pendingCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>Every distinct notification, in arrival order.</summary>
    public IReadOnlyList<AtlasWebhookNotification> Received
    {
        get
        {
            lock (_gate)
                return [.. _received];
        }
    }

    /// <summary>How many deliveries repeated a notification already received (and were ignored).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Distinct notifications waiting to be processed.</summary>
    public ChannelReader<AtlasWebhookNotification> Pending => _pending.Reader;

    /// <summary>Records the notification; false when it is a duplicate.</summary>
    public bool TryRecord(AtlasWebhookNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!_keys.Add(notification.DeduplicationKey))
            {
                _duplicates++;
                return false;
            }

            _received.Add(notification);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _pending.Writer.TryWrite(notification);
        changed.TrySetResult();
        return true;
    }

    /// <summary>The first received notification matching <paramref name="predicate"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<AtlasWebhookNotification> WaitForAsync(
        Func<AtlasWebhookNotification, bool> predicate,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = TimeProvider.GetUtcNow() + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var match = _received.FirstOrDefault(predicate);
                if (match is not null)
                    return match;
                changed = _changed.Task;
            }

            var remaining = deadline - TimeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"No matching Atlas notification arrived within {timeout}; received {Describe()}.");
            try
            {
                await changed.WaitAsync(remaining, TimeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                // One last look below: the deadline check then reports what did arrive.
            }
        }
    }

    private string Describe()
    {
        lock (_gate)
            return _received.Count == 0 ? "nothing" : string.Join(", ", _received.Select(n => $"{n.Type} {n.NotificationId}"));
    }
}

public static class WebhookReceiver
{
    /// <summary>Atlas payloads are small; anything bigger is not Atlas.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private static readonly HashSet<string> TypesWithNotificationId = ["email.schedulechange", "order.schedulechange", "abnormal.cancelled", "email.all"];

    /// <summary>
    /// POST {path}: accepts the Atlas envelope, answers 200 at once (also for a duplicate, which is counted and
    /// ignored), and 400 for a payload that is not one. Never 500.
    /// </summary>
    public static IEndpointRouteBuilder MapAtlasWebhookReceiver(this IEndpointRouteBuilder app, WebhookInbox inbox, string path = "/atlas/webhook")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(inbox);
        app.MapPost(path, context => ReceiveAsync(context, inbox));
        return app;
    }

    private static async Task ReceiveAsync(HttpContext context, WebhookInbox inbox)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            await RespondAsync(context, StatusCodes.Status413PayloadTooLarge, "payload larger than 1 MiB");
            return;
        }

        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, $"body is not JSON: {ex.Message}");
            return;
        }
        catch (BadHttpRequestException ex)
        {
            await RespondAsync(context, ex.StatusCode, ex.Message);
            return;
        }

        var problem = TryRead(root, inbox.TimeProvider.GetUtcNow(), out var notification);
        if (notification is null)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        var isNew = inbox.TryRecord(notification);
        await RespondAsync(context, StatusCodes.Status200OK, isNew ? "received" : "duplicate ignored");
    }

    private static string? TryRead(JsonElement root, DateTimeOffset now, out AtlasWebhookNotification? notification)
    {
        notification = null;
        if (root.ValueKind != JsonValueKind.Object)
            return "body must be a JSON object";
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(typeElement.GetString()))
        {
            return "'type' is missing or not a string";
        }

        var type = typeElement.GetString()!;
        string? notificationId = null;
        if (root.TryGetProperty("notificationId", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
        {
            if (idElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(idElement.GetString()))
                return "'notificationId' must be a non-empty string";
            notificationId = idElement.GetString();
        }
        else if (TypesWithNotificationId.Contains(type))
        {
            return $"'notificationId' is required for {type}";
        }

        string? cid = null;
        if (root.TryGetProperty("cid", out var cidElement) && cidElement.ValueKind != JsonValueKind.Null)
        {
            if (cidElement.ValueKind != JsonValueKind.String)
                return "'cid' must be a string";
            cid = cidElement.GetString();
        }

        if (!root.TryGetProperty("status", out var statusElement) || !statusElement.TryGetInt32Safe(out var status))
            return "'status' is missing or not an integer";

        JsonElement data;
        if (root.TryGetProperty("data", out var dataElement))
        {
            if (dataElement.ValueKind != JsonValueKind.Object)
                return "'data' must be an object";
            data = dataElement;
        }
        else if (type == "order.refundComplete")
        {
            // The legacy refund notification is documented flat: its fields sit beside cid, not under data.
            data = root;
        }
        else
        {
            return "'data' is missing";
        }

        notification = new AtlasWebhookNotification(cid, type, notificationId, status, data, now);
        return null;
    }

    private static bool TryGetInt32Safe(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    private static Task RespondAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, string> { [statusCode == StatusCodes.Status200OK ? "result" : "error"] = message });
    }
}
