namespace Harness.Load.Engine;

/// <summary>
/// Runs a scenario (or weighted scenarios sharing one plan) under its load plan. Open model: one dispatcher thread owns
/// the schedule and the high-resolution clock, sleeps until just short of the next arrival, spins the rest, and hands
/// every due iteration to the thread pool without awaiting it, so a slow response never delays the next start. Latency
/// is measured from the intended start (wrk2's coordinated-omission correction) and, separately, from the actual start
/// (service time). Closed model: N copies loop back to back.
/// Every reading of the clock and every wait goes through <see cref="RunOptions.Time"/>: <see cref="TimeProvider.System"/>
/// in a run (then the dispatcher sleeps and spins on the high-resolution timestamp), a fake clock in the engine's tests
/// (then the dispatcher waits through an <see cref="IDispatchPacer"/>, and time moves only when the test advances it).
/// </summary>
internal sealed class ScenarioEngine
{
    private readonly RunOptions _options;
    private readonly TimeProvider _time;
    private readonly long _frequency;
    private readonly double _ticksPerMicro;
    private readonly LoadPlan _plan;
    private readonly IReadOnlyList<ScenarioRuntime> _scenarios;
    private readonly int[] _weights;
    private readonly long _warmUpTicks;
    private readonly long _lateToleranceTicks;
    private long _origin;
    private long _inFlight;
    private long _iteration;
    private long _errors;
    private long _dispatchEnd;
    private readonly IDispatchPacer? _pacer;
    private int _dispatcher;
    private bool _finished;
    private TaskCompletionSource? _idle;
    private CancellationToken _stepToken;

    public ScenarioEngine(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenarios.Count == 0)
            throw new ArgumentException("nothing to run", nameof(options));
        if (options.MaxInFlight < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxInFlight, "max in-flight must be ≥ 1");
        _options = options;
        _time = options.Time;
        _frequency = _time.TimestampFrequency;
        _ticksPerMicro = _frequency / 1_000_000.0;
        _pacer = options.Pacer ?? (_time == TimeProvider.System ? null : new TimerPacer(_time));
        _plan = options.Plan;
        _scenarios = options.Scenarios;
        _weights = CumulativeWeights(_scenarios);
        _warmUpTicks = ToTicks(_plan.WarmUp);
        _lateToleranceTicks = ToTicks(options.LateTolerance);
    }

    /// <summary>The moment the run's clock started (timestamp of <see cref="RunOptions.Time"/>), for the live reporting loop.</summary>
    public long Origin => Interlocked.Read(ref _origin);

    /// <summary>True for the open model (a dispatcher hands out arrivals), false for the closed model (copies loop).</summary>
    internal bool IsOpen => _plan.IsOpen;

    /// <summary>
    /// True once the run has read its last time: it waits on the clock no more (a virtual clock's driver stops moving it).
    /// </summary>
    internal bool Finished => Volatile.Read(ref _finished);

    /// <summary>Iterations started and not yet finished.</summary>
    internal long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>
    /// The open model's dispatcher: not started (the run's clock has not started either), running, or done (it has
    /// handed out every arrival; the closed model has none, so it is done once the run has started).
    /// </summary>
    internal DispatcherState Dispatcher => (DispatcherState)Volatile.Read(ref _dispatcher);

    /// <summary>
    /// Runs to the end of the plan, or until the scenarios stop (Ctrl-C, StopScenario, StopCurrentTest, an aborting
    /// threshold); either way it drains in-flight iterations (bounded) and returns what was measured, marked incomplete
    /// when stopped early.
    /// </summary>
    public async Task<IReadOnlyList<RunOutcome>> RunAsync()
    {
        // The group stops when every scenario in it has stopped.
        using var stop = _scenarios.Count == 1
            ? CancellationTokenSource.CreateLinkedTokenSource(_scenarios[0].StopToken)
            : new CancellationTokenSource();
        using var registrations = new CompositeDisposable(_scenarios.Count == 1 ? [] : _scenarios.Select(s => (IDisposable)s.StopToken.Register(() =>
        {
            if (_scenarios.All(x => x.StopToken.IsCancellationRequested))
                stop.Cancel();
        })).ToArray());
        var cancellationToken = stop.Token;

        using var stepCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stepToken = stepCts.Token;
        var startedAt = _time.GetUtcNow();
        Interlocked.Exchange(ref _origin, _time.GetTimestamp());
        foreach (var s in _scenarios)
            s.ScenarioInfo = s.ScenarioInfo with { ScenarioOperation = _plan.WarmUp > TimeSpan.Zero ? ScenarioOperation.WarmUp : ScenarioOperation.Bombing };
        using var progressCts = new CancellationTokenSource();
        var progress = ReportProgressAsync(progressCts.Token);

        long dispatchEnd;
        if (_plan.IsOpen)
        {
            var dispatched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var dispatcher = new Thread(() =>
            {
                try
                {
                    Dispatch(cancellationToken);
                }
                finally
                {
                    dispatched.SetResult();
                }
            })
            {
                IsBackground = true,
                Name = "load-dispatcher",
                Priority = ThreadPriority.AboveNormal,
            };
            Volatile.Write(ref _dispatcher, (int)DispatcherState.Running);
            dispatcher.Start();
            await dispatched.Task.ConfigureAwait(false);
            dispatchEnd = Interlocked.Read(ref _dispatchEnd);
        }
        else
        {
            Volatile.Write(ref _dispatcher, (int)DispatcherState.Done);
            await RunClosedAsync(cancellationToken).ConfigureAwait(false);
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
        var planEnd = _plan.Duration is { } d ? ToTicks(d) : dispatchEnd;
        var plannedEnd = incomplete ? Math.Min(dispatchEnd, planEnd) : planEnd;
        var actualEnd = _plan.IsOpen ? Math.Max(plannedEnd, dispatchEnd) : plannedEnd;
        var planned = Math.Max(0, (double)(plannedEnd - _warmUpTicks) / _frequency);
        var actual = Math.Max(0, (double)(actualEnd - _warmUpTicks) / _frequency);
        var elapsed = _time.GetElapsedTime(Origin);
        Volatile.Write(ref _finished, true);
        var timeline = _plan.Duration?.TotalSeconds ?? elapsed.TotalSeconds;
        return _scenarios.Select(s =>
        {
            var stats = s.Stats;
            var targetRate = _plan.IsOpen && planned > 0 ? stats.Scheduled / planned : 0;
            var achieved = actual > 0 ? (_plan.IsOpen ? stats.Started : stats.Iterations.Ok + stats.Iterations.Fail) / actual : 0;
            return new RunOutcome(s, _plan, _options.Seed, startedAt, elapsed, TimeSpan.FromSeconds(actual), targetRate, achieved,
                incomplete || s.StopToken.IsCancellationRequested,
                // The series ends with the plan; completions during the drain fold into its last bucket.
                (int)Math.Ceiling(Math.Min(elapsed.TotalSeconds, timeline)));
        }).ToArray();
    }

    /// <summary>True while the run is in its warm-up window.</summary>
    public bool WarmingUp => Now() < _warmUpTicks;

    private void Dispatch(CancellationToken cancellationToken)
    {
        try
        {
            DispatchArrivals(cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _dispatchEnd, Now());
            Volatile.Write(ref _dispatcher, (int)DispatcherState.Done);
        }
    }

    private void DispatchArrivals(CancellationToken cancellationToken)
    {
        var schedule = new InjectionSchedule(_plan);
        var backlog = new Queue<(long Due, long Arrival)>();
        var next = NextArrival(schedule);
        var cap = _options.MaxInFlight;
        long arrival = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            while (backlog.Count > 0 && Interlocked.Read(ref _inFlight) < cap)
            {
                var (due, index) = backlog.Dequeue();
                Fire(due, index);
            }

            var now = Now();
            while (next is { } due && due <= now)
            {
                var index = arrival++;
                var scenario = Pick(index);
                var measured = due >= _warmUpTicks;
                if (measured)
                    scenario.Stats.CountScheduled();
                if (scenario.StopToken.IsCancellationRequested)
                {
                    // A stopped scenario in a weighted group takes no more arrivals.
                }
                else if (backlog.Count == 0 && Interlocked.Read(ref _inFlight) < cap)
                {
                    Fire(due, index);
                }
                else if (backlog.Count < _options.MaxBacklog)
                {
                    backlog.Enqueue((due, index));
                }
                else if (measured)
                {
                    scenario.Stats.CountDropped();
                }

                next = NextArrival(schedule);
            }

            if (next is null && backlog.Count == 0)
                return;
            var wait = next is { } n ? n - Now() : long.MaxValue;
            if (backlog.Count > 0)
                wait = Math.Min(wait, ToTicks(TimeSpan.FromMilliseconds(1)));
            if (_pacer is null)
                Pause(wait);
            else if (wait > 0)
                _pacer.WaitUntil(_time.GetTimestamp() + wait, cancellationToken);
        }
    }

    /// <summary>
    /// Thread.Sleep has ~1 ms granularity and overshoots by ~0.1 ms on Linux, so sleep whole milliseconds while more than
    /// 1.3 ms remain, then yield (other threads run; a 2-core runner cannot afford a spinning dispatcher), then spin for
    /// the last few microseconds.
    /// </summary>
    private void Pause(long ticks)
    {
        var micros = ticks / _ticksPerMicro;
        if (micros > 1_300)
            Thread.Sleep(Math.Clamp((int)((micros - 300) / 1_000), 1, 100));
        else if (micros > 50)
            Thread.Yield();
        else if (micros > 0)
            Thread.SpinWait(20);
    }

    private long? NextArrival(InjectionSchedule schedule) =>
        schedule.Next() is { } seconds ? (long)Math.Round(seconds * _frequency) : null;

    private void Fire(long intended, long arrival)
    {
        var scenario = Pick(arrival);
        Interlocked.Increment(ref _inFlight);
        var iteration = Interlocked.Increment(ref _iteration) - 1;
        if (intended >= _warmUpTicks)
            scenario.Stats.CountStarted();
        scenario.Stats.Second(SecondOf(intended)).RecordStart();
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => _ = state.Engine.RunIterationAsync(state.Scenario, state.Iteration, state.Intended, true, null),
            (Engine: this, Scenario: scenario, Iteration: iteration, Intended: intended),
            preferLocal: false);
    }

    /// <summary>Weighted scenarios: arrival i goes to a scenario drawn by weight from the seed (reproducible).</summary>
    private ScenarioRuntime Pick(long arrival)
    {
        if (_scenarios.Count == 1)
            return _scenarios[0];
        var draw = (int)((uint)IterationSeed(_options.Seed ^ 0x5EED, arrival) % (uint)_weights[^1]);
        for (var i = 0; i < _weights.Length; i++)
        {
            if (draw < _weights[i])
                return _scenarios[i];
        }

        return _scenarios[^1];
    }

    private async Task RunClosedAsync(CancellationToken cancellationToken)
    {
        var phaseStart = 0L;
        var instanceData = new Dictionary<string, object>?[Math.Max(1, _plan.MaxCopies)];
        foreach (var phase in _plan.ClosedPhases)
        {
            if (cancellationToken.IsCancellationRequested)
                return;
            var copies = Math.Max(phase.StartCopies, phase.EndCopies);
            if (phase.Iterations is { } total)
            {
                long remaining = total;
                var loops = Enumerable.Range(0, copies).Select(i => Task.Run(async () =>
                {
                    while (!cancellationToken.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0)
                        await StartClosedIterationAsync(i, instanceData, Now()).ConfigureAwait(false);
                }, CancellationToken.None)).ToArray();
                await Task.WhenAll(loops).ConfigureAwait(false);
                phaseStart = Now();
                continue;
            }

            var end = phaseStart + ToTicks(TimeSpan.FromSeconds(phase.Seconds));
            var start = phaseStart;
            var tasks = Enumerable.Range(0, copies).Select(i => Task.Run(async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var now = Now();
                    if (now >= end)
                        return;
                    if (i >= phase.CopiesAt((double)(now - start) / _frequency))
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(10), _time, CancellationToken.None).ConfigureAwait(false);
                        continue;
                    }

                    await StartClosedIterationAsync(i, instanceData, now).ConfigureAwait(false);
                }
            }, CancellationToken.None)).ToArray();
            await Task.WhenAll(tasks).ConfigureAwait(false);
            if (copies == 0)
            {
                // A pause: nothing runs, but its time passes.
                var wait = end - Now();
                if (wait > 0)
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / _frequency), _time, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            phaseStart = end;
        }
    }

    private Task StartClosedIterationAsync(int copy, Dictionary<string, object>?[] instanceData, long now)
    {
        var scenario = Pick(Interlocked.Read(ref _iteration));
        Interlocked.Increment(ref _inFlight);
        var iteration = Interlocked.Increment(ref _iteration) - 1;
        scenario.Stats.Second(SecondOf(now)).RecordStart();
        instanceData[copy] ??= new Dictionary<string, object>(StringComparer.Ordinal);
        return RunIterationAsync(scenario, iteration, now, false, instanceData[copy], copy);
    }

    private async Task RunIterationAsync(ScenarioRuntime scenario, long iteration, long intended, bool open, Dictionary<string, object>? instanceData, int copy = 0)
    {
        try
        {
            if (scenario.Props.Run is not { } run)
                return;
            // Closed model: an iteration starts when its copy is free, so its intended start is its start.
            var start = open ? Now() : intended;
            var measured = intended >= _warmUpTicks;
            if (open && measured)
            {
                var lateness = start - intended;
                scenario.Stats.Lateness.Record(ToMicros(lateness));
                if (lateness > _lateToleranceTicks)
                    scenario.Stats.CountLate();
            }

            // The dispatch order, not the start order: the same seed gives the same invocation the same data.
            var invocation = iteration + 1;
            var info = open
                ? new ScenarioInfo($"{scenario.Name}_{invocation}", (int)Math.Min(int.MaxValue, invocation), scenario.Name,
                    _plan.Duration ?? TimeSpan.Zero, measured ? ScenarioOperation.Bombing : ScenarioOperation.WarmUp)
                : CopyInfo(scenario, copy, measured);
            var context = new ScenarioContext(scenario, invocation, info, IterationSeed(_options.Seed, iteration), instanceData, _time,
                ToMicros(start - intended), measured, _stepToken);
            IResponse result;
            try
            {
                result = await run(context).ConfigureAwait(false);
            }
            catch (StepFailedException failed)
            {
                result = failed.Response;
            }
            catch (OperationCanceledException) when (context.ScenarioCancellationToken.IsCancellationRequested)
            {
                return; // stopped mid-iteration: neither ok nor failed, so not recorded
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                scenario.Stats.CountError($"scenario: {ex.GetType().Name}");
                result = Response.Fail(message: ex.Message);
            }

            var end = Now();
            var corrected = ToMicros(end - intended);
            var service = ToMicros(end - start);
            var ok = !result.IsError;
            var status = result.StatusCode.Length > 0 ? result.StatusCode : context.LastStatusCode;
            var bytes = result.SizeBytes > 0 ? result.SizeBytes : context.SizeBytes;
            if (!ok)
            {
                Interlocked.Increment(ref _errors);
                scenario.CountFail();
            }

            if (measured)
                scenario.Stats.Iterations.Record(ok, status, result.Message, bytes, corrected, service);
            scenario.Stats.Second(SecondOf(end)).RecordCompletion(ok, corrected, service);
            scenario.Observe(new Measurement(scenario.Name, null, ok, status, bytes, corrected / 1000.0, service / 1000.0));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            scenario.Stats.CountError($"engine: {ex.GetType().Name}");
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0)
                Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>
    /// A closed-model copy's info is the same for every iteration it runs (one for the warm-up, one for the measured
    /// window), so it is made once per copy and scenario, not once per iteration.
    /// </summary>
    private ScenarioInfo CopyInfo(ScenarioRuntime scenario, int copy, bool measured)
    {
        var infos = scenario.CopyInfos ??= new ScenarioInfo?[2 * Math.Max(1, _plan.MaxCopies)];
        var slot = (2 * copy) + (measured ? 1 : 0);
        if ((uint)slot >= (uint)infos.Length)
            return NewCopyInfo(scenario, copy, measured);
        return infos[slot] ??= NewCopyInfo(scenario, copy, measured);
    }

    private ScenarioInfo NewCopyInfo(ScenarioRuntime scenario, int copy, bool measured) =>
        new($"{scenario.Name}_copy_{copy}", copy, scenario.Name, _plan.Duration ?? TimeSpan.Zero,
            measured ? ScenarioOperation.Bombing : ScenarioOperation.WarmUp);

    private async Task DrainAsync(CancellationTokenSource stepCts, TimeSpan timeout)
    {
        await WaitIdleAsync(timeout).ConfigureAwait(false);
        await stepCts.CancelAsync().ConfigureAwait(false);
        await WaitIdleAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns when the last in-flight iteration finishes, or after <paramref name="timeout"/>: the clock is waited on only
    /// for the timeout, so a drain ends the moment nothing is in flight (and a virtual clock's driver knows it is ending).
    /// </summary>
    private async Task WaitIdleAsync(TimeSpan timeout)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);
        if (Interlocked.Read(ref _inFlight) > 0)
        {
            using var timeoutCts = new CancellationTokenSource();
            var expired = Task.Delay(timeout, _time, timeoutCts.Token);
            await Task.WhenAny(idle.Task, expired).ConfigureAwait(false);
            await timeoutCts.CancelAsync().ConfigureAwait(false);
        }

        Volatile.Write(ref _idle, null);
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        if (_options.Progress is not { } report)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var elapsed = _time.GetElapsedTime(Origin);
                foreach (var s in _scenarios)
                {
                    var last = s.Stats.Second((int)elapsed.TotalSeconds - 1);
                    report(new ProgressSnapshot(
                        s.Name,
                        elapsed,
                        _plan.Model,
                        _plan.IsOpen ? _plan.RateAt(elapsed - TimeSpan.FromSeconds(0.5)) : _plan.CopiesAt(elapsed),
                        (_plan.IsOpen ? last.Started : last.Completed) / (double)s.Stats.BucketSeconds,
                        last.Corrected.ValueAtPercentile(99) / 1000.0,
                        Interlocked.Read(ref _errors),
                        Interlocked.Read(ref _inFlight),
                        elapsed < _plan.WarmUp,
                        _plan.Duration is { } d && elapsed >= d));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended: progress stops with it.
        }
    }

    private static int[] CumulativeWeights(IReadOnlyList<ScenarioRuntime> scenarios)
    {
        var sum = 0;
        return scenarios.Select(s => sum += s.Props.Weight ?? 1).ToArray();
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

    private long Now() => _time.GetTimestamp() - Interlocked.Read(ref _origin);

    private int SecondOf(long ticks) => (int)(ticks / _frequency);

    private long ToMicros(long ticks) => (long)(ticks / _ticksPerMicro);

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _frequency);

    /// <summary>Any clock but the system's, without a pacer of its own: the dispatcher waits on one of the clock's timers.</summary>
    private sealed class TimerPacer(TimeProvider time) : IDispatchPacer
    {
        public void WaitUntil(long timestamp, CancellationToken cancellationToken)
        {
            var due = TimeSpan.FromSeconds((double)(timestamp - time.GetTimestamp()) / time.TimestampFrequency);
            if (due <= TimeSpan.Zero)
                return;
            using var wake = new ManualResetEventSlim(false);
            using var timer = time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), wake, due, Timeout.InfiniteTimeSpan);
            try
            {
                wake.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped while waiting: the dispatch loop sees the token.
            }
        }
    }

    private sealed class CompositeDisposable(IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
                item.Dispose();
        }
    }
}

/// <summary>
/// How the open model's dispatcher waits for its next arrival on a clock other than the system's (where it sleeps and
/// spins on the high-resolution timestamp). The engine's tests give one that lets the test decide when the dispatcher
/// runs (tests/Harness.Load.Tests/Support/VirtualRun.cs).
/// </summary>
internal interface IDispatchPacer
{
    /// <summary>
    /// Returns once the clock has reached <paramref name="timestamp"/> (of <see cref="RunOptions.Time"/>), or earlier (the
    /// dispatcher reads the clock again and waits again), or when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    void WaitUntil(long timestamp, CancellationToken cancellationToken);
}

internal enum DispatcherState
{
    NotStarted,
    Running,
    Done,
}
