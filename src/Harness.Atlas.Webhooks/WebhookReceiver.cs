using System.Text.Json;
using Harness.Client.Atlas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Harness.Atlas.Webhooks;

/// <summary>The partner side of Atlas webhooks: the endpoint Atlas POSTs notifications to.</summary>
public static class WebhookReceiver
{
    /// <summary>Atlas payloads are small; anything bigger is not Atlas.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

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
        else if (AtlasEventTypes.HasNotificationId(type))
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
        else if (type == AtlasEventTypes.OrderRefundComplete)
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
