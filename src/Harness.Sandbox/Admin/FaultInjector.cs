using Microsoft.AspNetCore.Http;

namespace Harness.Sandbox;

/// <summary>
/// Faults applied to Airline API requests (never to /_admin or /_pact). All fields are optional; a path filter
/// limits them to requests whose path contains <see cref="PathContains"/>.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Fixed latency added to every matching request.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Extra random latency, uniform in [0, JitterMs].</summary>
    public int JitterMs { get; init; }

    /// <summary>Fraction (0..1) of matching requests answered with <see cref="ErrorStatus"/> and no body.</summary>
    public double ErrorRate { get; init; }

    public int ErrorStatus { get; init; } = 503;

    /// <summary>A one-off stall: the first matching request after arming, and any others within StallWindowMs of it, wait StallMs.</summary>
    public int StallMs { get; init; }

    public int StallWindowMs { get; init; }

    /// <summary>Fraction (0..1) of matching requests whose connection is aborted without a response.</summary>
    public double ResetRate { get; init; }

    public string? PathContains { get; init; }

    internal void Validate()
    {
        if (LatencyMs < 0 || JitterMs < 0 || StallMs < 0 || StallWindowMs < 0)
        {
            throw new ArgumentException("latency_ms, jitter_ms, stall_ms and stall_window_ms must not be negative.");
        }

        if (ErrorRate is < 0 or > 1 || ResetRate is < 0 or > 1)
        {
            throw new ArgumentException("error_rate and reset_rate must be between 0 and 1.");
        }

        if (ErrorStatus is < 400 or > 599)
        {
            throw new ArgumentException($"error_status must be an HTTP error status (400-599), not {ErrorStatus}.");
        }
    }
}

/// <summary>Injects latency, errors, stalls and connection resets; the in-process twin of /_admin/faults.</summary>
public sealed class FaultInjector
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    // Read on every request without the lock; written under it.
    private volatile FaultSettings? _settings;
    private bool _stallArmed;
    private DateTimeOffset _stallWindowEnd;

    // Faults work in real time even when the sandbox runs on a fake clock: a delay on a frozen clock never ends.
    internal FaultInjector() => _clock = TimeProvider.System;

    public FaultSettings? Current => _settings;

    /// <summary>True while a stall waits for its first request.</summary>
    internal bool StallArmed
    {
        get
        {
            lock (_gate)
            {
                return _stallArmed;
            }
        }
    }

    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        lock (_gate)
        {
            _settings = settings;
            _stallArmed = settings.StallMs > 0;
            _stallWindowEnd = DateTimeOffset.MinValue;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _settings = null;
            _stallArmed = false;
        }
    }

    /// <summary>Applies the faults to one request; returns false when the request must not be handled further.</summary>
    internal async ValueTask<bool> ApplyAsync(HttpContext context)
    {
        var settings = Current;
        if (settings is null || (settings.PathContains is { } filter && !context.Request.Path.Value!.Contains(filter, StringComparison.Ordinal)))
        {
            return true;
        }

        var delay = settings.LatencyMs + (settings.JitterMs > 0 ? Random.Shared.Next(settings.JitterMs + 1) : 0) + StallFor(settings);
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), _clock, context.RequestAborted);
        }

        if (settings.ResetRate > 0 && Random.Shared.NextDouble() < settings.ResetRate)
        {
            context.Abort();
            return false;
        }

        if (settings.ErrorRate > 0 && Random.Shared.NextDouble() < settings.ErrorRate)
        {
            context.Response.StatusCode = settings.ErrorStatus;
            return false;
        }

        return true;
    }

    private int StallFor(FaultSettings settings)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_stallArmed)
            {
                _stallArmed = false;
                _stallWindowEnd = now + TimeSpan.FromMilliseconds(settings.StallWindowMs);
                return settings.StallMs;
            }

            return now < _stallWindowEnd ? settings.StallMs : 0;
        }
    }
}
