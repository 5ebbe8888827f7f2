using System.Collections.Concurrent;
using System.Text;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// Posts incident notifications to a webhook in the background: each copy tried up to
/// <see cref="AtlasSandboxOptions.WebhookMaxAttempts"/> times with doubling backoff, every try logged. Thread-safe.
/// </summary>
public sealed class AtlasWebhookDelivery : IDisposable
{
    private readonly AtlasSandboxOptions _options;
    private readonly Action<string> _delivered;
    private readonly ConcurrentQueue<WebhookDeliveryAttempt> _log = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    // Captured once: Dispose cancels before disposing, so a delivery still holding it sees a cancelled token, never a disposed source.
    private readonly CancellationToken _stoppingToken;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _sequence;

    /// <param name="delivered">Called with the notificationId after each copy that a receiver accepted.</param>
    public AtlasWebhookDelivery(AtlasSandboxOptions options, Action<string> delivered)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _delivered = delivered ?? throw new ArgumentNullException(nameof(delivered));
        _ownsHttp = options.WebhookHttpClient is null;
        _http = options.WebhookHttpClient ?? new HttpClient();
        _stoppingToken = _stopping.Token;
    }

    /// <summary>Every delivery try so far, in the order they finished.</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> Log => [.. _log];

    /// <summary>Starts delivering the incident's envelope to <paramref name="target"/>; returns at once.</summary>
    public void Start(AtlasSandboxIncident incident, Uri target)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(target);
        var id = Interlocked.Increment(ref _sequence);
        var task = DeliverAsync(incident, target);
        _running[id] = task;
        task.ContinueWith(_ => _running.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every delivery started so far has succeeded or used up its tries.</summary>
    public Task WhenCompleteAsync() => Task.WhenAll(_running.Values);

    public void ClearLog() => _log.Clear();

    public void Dispose()
    {
        _stopping.Cancel();
        if (_ownsHttp)
            _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAsync(AtlasSandboxIncident incident, Uri target)
    {
        await Task.Yield();
        var body = incident.ToNotification().ToJsonString();
        for (var copy = 1; copy <= _options.WebhookDeliveryCopies; copy++)
        {
            if (await DeliverCopyAsync(incident.EventId, body, target, copy))
                _delivered(incident.EventId);
        }
    }

    private async Task<bool> DeliverCopyAsync(string notificationId, string body, Uri target, int copy)
    {
        var backoff = _options.WebhookInitialBackoff;
        for (var attempt = 1; attempt <= _options.WebhookMaxAttempts; attempt++)
        {
            if (_stoppingToken.IsCancellationRequested)
                return false;
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(backoff, _options.TimeProvider, _stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                backoff *= 2;
            }

            int? status = null;
            string? error = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stoppingToken);
                timeout.CancelAfter(_options.WebhookAttemptTimeout);
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(target, content, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                error = ex.GetType().Name + ": " + ex.Message;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var record = new WebhookDeliveryAttempt(notificationId, target, copy, attempt, status, error, _options.TimeProvider.GetUtcNow());
            _log.Enqueue(record);
            if (record.Succeeded)
                return true;
        }

        return false;
    }
}

/// <summary>A webhook delivery try, as the sandbox saw it.</summary>
public sealed record WebhookDeliveryAttempt(string NotificationId, Uri Url, int Copy, int Attempt, int? HttpStatus, string? Error, DateTimeOffset At)
{
    public bool Succeeded => HttpStatus is >= 200 and < 300;
}
