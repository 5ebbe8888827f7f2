using System.Diagnostics;

namespace Harness.Load.Engine;

/// <summary>
/// Runs a scenario under a load plan. Open model: one dispatcher thread owns the schedule and the high-resolution
/// clock, sleeps until just short of the next arrival, spins the rest, and hands every due iteration to the thread
/// pool without awaiting it, so a slow response never delays the next start. Latency is measured from the intended
/// start (wrk2's coordinated-omission correction) and, separately, from the actual start (service time).
/// Closed model: N copies loop back to back.
/// </summary>
internal sealed class LoadRunner
{
    private static readonly double TicksPerMicro = Stopwatch.Frequency / 1_000_000.0;

    private readonly RunOptions _options;
    private readonly LoadPlan _plan;
    private readonly RunStatistics _stats;
    private readonly long _warmUpTicks;
    private readonly long _lateToleranceTicks;
    private long _origin;
    private long _inFlight;
    private long _iteration;
    private long _errors;
    private long _dispatchEnd;
    private object? _scenarioData;
    private CancellationToken _stepToken;

    public LoadRunner(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenario.Steps.Count == 0)
            throw new ArgumentException($"scenario '{options.Scenario.Name}' has no steps", nameof(options));
        if (options.MaxInFlight < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "max in-flight must be ≥ 1");
        _options = options;
        _plan = options.Plan;
        _stats = new RunStatistics(options.Scenario.Steps.Select(s => s.Name), _plan.Duration);
        _warmUpTicks = ToTicks(_plan.WarmUp);
        _lateToleranceTicks = ToTicks(options.LateTolerance);
    }

    /// <summary>
    /// Runs to the end of the plan, or until <paramref name="cancellationToken"/> fires; either way it drains in-flight
    /// iterations (bounded by the drain timeout) and returns what was measured, marked incomplete when stopped early.
    /// </summary>
    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (_options.Scenario.Init is { } init)
            _scenarioData = await init(cancellationToken).ConfigureAwait(false);

        using var stepCts = new CancellationTokenSource();
        _stepToken = stepCts.Token;
        var startedAt = DateTimeOffset.UtcNow;
        _origin = Stopwatch.GetTimestamp();
        using var progressCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(progressCts.Token);

        long dispatchEnd;
        if (_plan.IsOpen)
        {
            var dispatcher = new Thread(() => Dispatch(cancellationToken))
            {
                IsBackground = true,
                Name = "load-dispatcher",
                Priority = ThreadPriority.AboveNormal,
            };
            dispatcher.Start();
            await WaitForThreadAsync(dispatcher).ConfigureAwait(false);
            dispatchEnd = Interlocked.Read(ref _dispatchEnd);
        }
        else
        {
            var copies = Enumerable.Range(0, _plan.MaxCopies).Select(i => Task.Run(() => CopyLoopAsync(i, cancellationToken))).ToArray();
            await Task.WhenAll(copies).ConfigureAwait(false);
            dispatchEnd = Now();
        }

        // A stopped run (Ctrl-C) gets a short drain: the user asked it to stop, not to wait out slow responses.
        var incomplete = cancellationToken.IsCancellationRequested;
        await DrainAsync(stepCts, incomplete ? TimeSpan.FromSeconds(2) : _options.DrainTimeout).ConfigureAwait(false);
        await progressCts.CancelAsync().ConfigureAwait(false);
        await progress.ConfigureAwait(false);

        // The target rate is what the plan asked for over the planned window (up to the stop, if stopped). The achieved
        // rate is what was started over the window it actually took: a generator that fell behind (arrivals left in
        // the backlog past the end of the plan) stretches it, so falling behind shows as a lower achieved rate.
        var planEnd = ToTicks(_plan.Duration);
        var plannedEnd = incomplete ? Math.Min(dispatchEnd, planEnd) : planEnd;
        var actualEnd = _plan.IsOpen ? Math.Max(plannedEnd, dispatchEnd) : plannedEnd;
        var planned = Math.Max(0, (double)(plannedEnd - _warmUpTicks) / Stopwatch.Frequency);
        var actual = Math.Max(0, (double)(actualEnd - _warmUpTicks) / Stopwatch.Frequency);
        var measured = TimeSpan.FromSeconds(actual);
        var targetRate = _plan.IsOpen && planned > 0 ? _stats.Scheduled / planned : 0;
        var achieved = actual > 0 ? (_plan.IsOpen ? _stats.Started : _stats.Iterations.Ok + _stats.Iterations.Fail) / actual : 0;
        var elapsed = Stopwatch.GetElapsedTime(_origin);
        return new RunOutcome(_options, _stats, startedAt, elapsed, measured, targetRate, achieved, incomplete,
            // The series ends with the plan; completions during the drain fold into its last second.
            (int)Math.Ceiling(Math.Min(elapsed.TotalSeconds, _plan.Duration.TotalSeconds)));
    }

    private void Dispatch(CancellationToken cancellationToken)
    {
        try
        {
            DispatchArrivals(cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _dispatchEnd, Now());
        }
    }

    private void DispatchArrivals(CancellationToken cancellationToken)
    {
        var schedule = new InjectionSchedule(_plan);
        var backlog = new Queue<long>();
        var next = NextArrival(schedule);
        var cap = _options.MaxInFlight;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (backlog.Count > 0 && Interlocked.Read(ref _inFlight) < cap)
                Fire(backlog.Dequeue());

            var now = Now();
            while (next is { } due && due <= now)
            {
                var measured = due >= _warmUpTicks;
                if (measured)
                    _stats.CountScheduled();
                if (backlog.Count == 0 && Interlocked.Read(ref _inFlight) < cap)
                    Fire(due);
                else if (backlog.Count < _options.MaxBacklog)
                    backlog.Enqueue(due);
                else if (measured)
                    _stats.CountDropped();
                next = NextArrival(schedule);
            }

            if (next is null && backlog.Count == 0)
                return;
            var wait = next is { } n ? n - Now() : long.MaxValue;
            if (backlog.Count > 0)
                wait = Math.Min(wait, ToTicks(TimeSpan.FromMilliseconds(1)));
            Pause(wait);
        }
    }

    /// <summary>
    /// Thread.Sleep has ~1 ms granularity and overshoots by ~0.1 ms on Linux, so sleep whole milliseconds while more than
    /// 1.3 ms remain, then yield (other threads run; a 2-core runner cannot afford a spinning dispatcher), then spin for
    /// the last few microseconds.
    /// </summary>
    private static void Pause(long ticks)
    {
        var micros = ticks / TicksPerMicro;
        if (micros > 1_300)
            Thread.Sleep(Math.Clamp((int)((micros - 300) / 1_000), 1, 100));
        else if (micros > 50)
            Thread.Yield();
        else if (micros > 0)
            Thread.SpinWait(20);
    }

    private long? NextArrival(InjectionSchedule schedule) =>
        schedule.Next() is { } seconds ? (long)(seconds * Stopwatch.Frequency) : null;

    private void Fire(long intended)
    {
        Interlocked.Increment(ref _inFlight);
        var iteration = Interlocked.Increment(ref _iteration) - 1;
        _stats.Second(SecondOf(intended)).RecordStart();
        if (intended >= _warmUpTicks)
            _stats.CountStarted();
        ThreadPool.UnsafeQueueUserWorkItem(new IterationWorkItem(this, iteration, intended), preferLocal: false);
    }

    private sealed class IterationWorkItem(LoadRunner runner, long iteration, long intended) : IThreadPoolWorkItem
    {
        // The task is observed: RunIterationAsync catches everything and always decrements in-flight.
        public void Execute() => _ = runner.RunIterationAsync(iteration, intended, true);
    }

    private async Task CopyLoopAsync(int copy, CancellationToken cancellationToken)
    {
        var end = ToTicks(_plan.Duration);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = Now();
            if (now >= end)
                return;
            if (copy >= _plan.CopiesAt(TimeSpan.FromSeconds((double)now / Stopwatch.Frequency)))
            {
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            var iteration = Interlocked.Increment(ref _iteration) - 1;
            _stats.Second(SecondOf(now)).RecordStart();
            await RunIterationAsync(iteration, now, false).ConfigureAwait(false);
        }
    }

    private async Task RunIterationAsync(long iteration, long intended, bool open)
    {
        try
        {
            var start = Now();
            var measured = intended >= _warmUpTicks;
            if (open && measured)
            {
                var lateness = start - intended;
                _stats.Lateness.Record(ToMicros(lateness));
                if (lateness > _lateToleranceTicks)
                    _stats.CountLate();
            }

            var lateMicros = ToMicros(start - intended);
            var context = new StepContext(iteration, _scenarioData, new Random(IterationSeed(_options.Seed, iteration)), _stepToken);
            var last = StepResult.Ok();
            var stepStart = start;
            for (var i = 0; i < _options.Scenario.Steps.Count; i++)
            {
                var result = await InvokeStepAsync(_options.Scenario.Steps[i], context).ConfigureAwait(false);
                if (_stepToken.IsCancellationRequested)
                    return; // stopped mid-iteration: neither ok nor fail, so not recorded
                var stepEnd = Now();
                if (result.IsSkipped)
                {
                    stepStart = stepEnd;
                    continue;
                }

                last = result;
                if (measured)
                {
                    var service = ToMicros(stepEnd - stepStart);
                    _stats.Steps[i].Record(last, service + lateMicros, service);
                }

                stepStart = stepEnd;
                if (!last.IsOk)
                    break;
            }

            var end = Now();
            var corrected = ToMicros(end - intended);
            var serviceTotal = ToMicros(end - start);
            if (!last.IsOk)
                Interlocked.Increment(ref _errors);
            if (measured)
                _stats.Iterations.Record(last, corrected, serviceTotal);
            _stats.Second(SecondOf(end)).RecordCompletion(last.IsOk, corrected, serviceTotal);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _stats.CountError($"engine: {ex.GetType().Name}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async ValueTask<StepResult> InvokeStepAsync(LoadStep step, StepContext context)
    {
        try
        {
            return await step.Run(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stepToken.IsCancellationRequested)
        {
            return StepResult.Fail();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A step that throws is a failed call (timeouts, refused connections), not a broken run.
            _stats.CountError($"{step.Name}: {ex.GetType().Name}");
            return StepResult.Fail();
        }
    }

    private async Task DrainAsync(CancellationTokenSource stepCts, TimeSpan timeout)
    {
        var deadline = Now() + ToTicks(timeout);
        while (Interlocked.Read(ref _inFlight) > 0 && Now() < deadline)
            await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
        await stepCts.CancelAsync().ConfigureAwait(false);
        var grace = Now() + ToTicks(TimeSpan.FromSeconds(2));
        while (Interlocked.Read(ref _inFlight) > 0 && Now() < grace)
            await Task.Delay(5, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        if (_options.Progress is not { } report)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var elapsed = Stopwatch.GetElapsedTime(_origin);
                var last = _stats.Second((int)elapsed.TotalSeconds - 1);
                report(new ProgressSnapshot(
                    elapsed,
                    _plan.Model,
                    _plan.IsOpen ? _plan.RateAt(elapsed - TimeSpan.FromSeconds(0.5)) : _plan.CopiesAt(elapsed),
                    _plan.IsOpen ? last.Started : last.Completed,
                    last.Corrected.ValueAtPercentile(99) / 1000.0,
                    Interlocked.Read(ref _errors),
                    Interlocked.Read(ref _inFlight),
                    elapsed < _plan.WarmUp,
                    elapsed >= _plan.Duration));
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended: progress stops with it.
        }
    }

    private static async Task WaitForThreadAsync(Thread thread)
    {
        while (!thread.Join(0))
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// SplitMix64 of (seed, iteration): deterministic across processes (HashCode.Combine is randomized per process), so
    /// --seed reproduces every iteration's data whatever the thread interleaving.
    /// </summary>
    internal static int IterationSeed(int seed, long iteration)
    {
        var z = unchecked((((ulong)(uint)seed) << 32) ^ (ulong)iteration) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    private long Now() => Stopwatch.GetTimestamp() - _origin;

    private static int SecondOf(long ticks) => (int)(ticks / Stopwatch.Frequency);

    private static long ToMicros(long ticks) => (long)(ticks / TicksPerMicro);

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
