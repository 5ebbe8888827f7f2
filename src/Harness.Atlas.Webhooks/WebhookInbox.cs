using System.Threading.Channels;

namespace Harness.Atlas.Webhooks;

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
