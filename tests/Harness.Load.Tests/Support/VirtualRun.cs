using Microsoft.Extensions.Time.Testing;

namespace Harness.Load.Tests.Support;

/// <summary>
/// Runs one scenario on the engine under a <see cref="FakeTimeProvider"/>: the test owns the clock. The clock moves in
/// steps of <see cref="Tick"/>, and only when the run is quiet: the dispatcher waits for its next arrival and every
/// in-flight iteration waits on the <see cref="VirtualTarget"/>. At each instant the target's answers due then are handled
/// first, then the dispatcher runs if its arrival is due. So every number the engine records (lateness, corrected
/// latency, service time, the backlog, the achieved rate) is a function of the plan and the target alone, the same on
/// every machine and every run; seconds of virtual time take milliseconds.
/// </summary>
internal sealed class VirtualRun
{
    /// <summary>The fake clock's start: any fixed instant (the engine reads only differences and the start time).</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public VirtualRun()
    {
        Target = new VirtualTarget(Time);
        Pacer = new VirtualPacer(Time);
    }

    public FakeTimeProvider Time { get; } = new(Epoch);

    public VirtualTarget Target { get; }

    private VirtualPacer Pacer { get; }

    /// <summary>How far the clock moves each time the run is quiet.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Virtual time from the start of the run.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - Epoch;

    /// <summary>A scenario whose every iteration is one call of <see cref="Target"/> (one step, "call").</summary>
    public ScenarioProps CallTarget(string name = "virtual") =>
        Scenario.Create(name, async context => await Step.Run("call", context, Target.CallAsync).ConfigureAwait(false));

    /// <param name="settled">
    /// An extra condition for the clock to move. The closed model needs one: a copy that has just finished an iteration
    /// and not yet started the next neither waits at the target nor is in flight.
    /// </param>
    public async Task<RunOutcome> RunAsync(ScenarioProps props, LoadPlan plan, Func<RunOptions, RunOptions>? configure = null, CancellationToken stop = default,
        Func<ScenarioEngine, bool>? settled = null)
    {
        var run = new RunContext(new TestInfo("test", "suite", "name"), NullLogger.Instance, null, 1, []);
        var runtime = new ScenarioRuntime(props, plan, run, stop);
        run.Scenarios = [runtime];
        if (props.Init is { } init)
            await init(runtime);
        var options = new RunOptions([runtime], plan) { Time = Time, Pacer = Pacer };
        var engine = new ScenarioEngine(configure?.Invoke(options) ?? options);
        var outcome = Task.Run(engine.RunAsync);
        bool Quiet()
        {
            // The dispatcher starts iterations only between two waits: if it waited before the counts were read and is
            // still in that same wait after, every iteration it started is in the in-flight count read in between.
            var state = engine.Dispatcher;
            var wait = Pacer.CurrentWait;
            if (state == DispatcherState.NotStarted || (state == DispatcherState.Running && wait < 0))
                return false;
            var quiet = engine.InFlight == Target.Pending && (settled?.Invoke(engine) ?? true);
            return quiet && (state == DispatcherState.Done || Pacer.CurrentWait == wait);
        }

        while (true)
        {
            if (!Settle(() => outcome.IsCompleted || Quiet()))
                throw new TimeoutException($"the run did not settle at {Elapsed} of virtual time: {engine.InFlight} in flight, {Target.Pending} at the target, dispatcher {engine.Dispatcher}");
            if (outcome.IsCompleted)
                break;
            // Its arrival is due, and everything else due at this instant has been handled: let the dispatcher run.
            if (engine.Dispatcher == DispatcherState.Running && Pacer.Due)
            {
                Pacer.Release();
                continue;
            }

            if (Elapsed > TimeSpan.FromHours(1))
                throw new TimeoutException("the run went on past an hour of virtual time");
            Time.Advance(Tick);
            Target.AnswerDue();
        }

        return (await outcome).Single();
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds, yielding the core between polls (never sleeping: a settle is
    /// microseconds of work by the dispatcher and the pool, and a run is thousands of them); false after 30 s.
    /// </summary>
    private static bool Settle(Func<bool> condition)
    {
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(SettleTimeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!condition())
        {
            if (!Thread.Yield())
                Thread.SpinWait(50);
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
                return false;
        }

        return true;
    }

    /// <summary>Holds the dispatcher until the test releases it; the engine's own pacer would wake it from the clock's timer.</summary>
    private sealed class VirtualPacer(TimeProvider time) : IDispatchPacer
    {
        private readonly SemaphoreSlim _go = new(0);
        private long _wakeAt = long.MaxValue;
        private long _waits;
        private long _current = -1;

        /// <summary>The number of the wait the dispatcher is in, or -1 while it runs.</summary>
        public long CurrentWait => Interlocked.Read(ref _current);

        public bool Due => CurrentWait >= 0 && time.GetTimestamp() >= Interlocked.Read(ref _wakeAt);

        public void WaitUntil(long timestamp, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _wakeAt, timestamp);
            Interlocked.Exchange(ref _current, Interlocked.Increment(ref _waits));
            try
            {
                _go.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopped (the clock reached the test's cancellation): the dispatcher sees the token.
            }
            finally
            {
                Interlocked.Exchange(ref _current, -1);
            }
        }

        public void Release()
        {
            Interlocked.Exchange(ref _current, -1); // before the dispatcher runs: the test waits until it waits again (or finishes)
            _go.Release();
        }
    }
}

/// <summary>
/// A target on the fake clock: each call answers after <see cref="Latency"/> of virtual time; a stall holds every call
/// that arrives inside its window until the window ends, then adds the latency. The answers due are given by
/// <see cref="AnswerDue"/>, which the test's driver calls on its own thread each time it moves the clock.
/// </summary>
internal sealed class VirtualTarget(FakeTimeProvider time)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _stalls = [];
    private readonly PriorityQueue<TaskCompletionSource<Response<object>>, (DateTimeOffset Due, long Order)> _answers = new();
    private readonly Lock _lock = new();
    private long _order;
    private long _pending;
    private long _calls;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The status code every call answers with; 2xx is ok.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Calls answered or being served.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls waiting for their answer.</summary>
    public long Pending
    {
        get
        {
            lock (_lock)
                return _pending;
        }
    }

    /// <summary>From <paramref name="from"/> (virtual time since the run's start) for <paramref name="duration"/>, nothing is answered.</summary>
    public void Stall(TimeSpan from, TimeSpan duration) => _stalls.Add((VirtualRun.Epoch + from, VirtualRun.Epoch + from + duration));

    public Task<Response<object>> CallAsync()
    {
        Interlocked.Increment(ref _calls);
        var now = time.GetUtcNow();
        var start = now;
        foreach (var (from, until) in _stalls)
        {
            if (start >= from && start < until)
                start = until;
        }

        var status = StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = StatusCode is >= 200 and < 300 ? Response.Ok(statusCode: status) : Response.Fail(statusCode: status);
        var due = start + Latency;
        if (due <= now)
            return Task.FromResult(answer);
        var answered = new TaskCompletionSource<Response<object>>(answer, TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _answers.Enqueue(answered, (due, _order++));
            _pending++;
        }

        return answered.Task;
    }

    /// <summary>Answers every call due by now, in due order; each is counted out before its caller resumes.</summary>
    public void AnswerDue()
    {
        var now = time.GetUtcNow();
        while (true)
        {
            TaskCompletionSource<Response<object>> answered;
            lock (_lock)
            {
                if (!_answers.TryPeek(out answered!, out var key) || key.Due > now)
                    return;
                _answers.Dequeue();
                _pending--;
            }

            answered.SetResult((Response<object>)answered.Task.AsyncState!);
        }
    }
}
