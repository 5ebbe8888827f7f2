using Microsoft.Extensions.Time.Testing;

namespace Harness.Load.Tests.Support;

/// <summary>
/// Runs load on the engine under a <see cref="FakeTimeProvider"/>: the test owns the clock. Either one scenario on the
/// engine (<see cref="RunAsync"/>), or a whole run, <c>Run(args)</c> or the CLI's <c>run &lt;profile&gt;</c>
/// (<see cref="DriveAsync{T}"/>, with the context from <see cref="OnClock"/> or the CLI from <see cref="Cli"/>, whose HTTP
/// requests the <see cref="VirtualTarget"/> answers instead of a socket). The clock moves in steps of <see cref="Tick"/>,
/// and only when the run is quiet: every dispatcher waits for its next arrival, every in-flight iteration waits on the
/// target, and the live-reporting loop has handled every tick due. At each instant the target's answers due then are
/// handled first, then a dispatcher runs if its arrival is due. Once every engine has finished, the clock stops, so the
/// run's own reading of its end is exact. So every number the engine records (lateness, corrected latency, service time,
/// the backlog, the achieved rate) and every verdict is a function of the plan and the target alone, the same on every
/// machine, busy or not, and every run; seconds of virtual time take milliseconds. (Not driven: the engine's once-a-second progress
/// lines, which a quiet run does not print.)
/// </summary>
internal sealed class VirtualRun : IRunObserver
{
    /// <summary>The fake clock's start: any fixed instant (the engine reads only differences and the start time).</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A loopback URL nothing listens on: the virtual target answers a run's requests for it.</summary>
    public static readonly Uri TargetUrl = new("http://127.0.0.1:9/");

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly List<VirtualPacer> _pacers = [];
    private IReadOnlyList<ScenarioEngine>? _engines;
    private TimeSpan? _liveInterval;
    private long _liveOrigin;
    private long _liveTicks;
    private long _startWake;

    public VirtualRun() => Target = new VirtualTarget(Time);

    public FakeTimeProvider Time { get; } = new(Epoch);

    public VirtualTarget Target { get; }

    /// <summary>How far the clock moves each time the run is quiet.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Virtual time from the start of the run.</summary>
    public TimeSpan Elapsed => Time.GetUtcNow() - Epoch;

    /// <summary>A scenario whose every iteration is one call of <see cref="Target"/> (one step, "call").</summary>
    public ScenarioProps CallTarget(string name = "virtual") =>
        Scenario.Create(name, async context => await Step.Run("call", context, Target.CallAsync).ConfigureAwait(false));

    /// <summary>The context, run on this clock with this driver watching.</summary>
    public LoadRunnerContext OnClock(LoadRunnerContext context) => context with { Time = Time, Observer = this };

    /// <summary>The airline CLI on this clock, its run's HTTP requests answered by <see cref="Target"/> (the profile's code unchanged above the handler).</summary>
    public LoadCli Cli(TextWriter stdout, TextWriter stderr) =>
        new(ProfileCatalog.BuiltIn(), new UrlTargetFactory(), stdout, stderr) { Time = Time, Observer = this, CreateHandler = _ => new VirtualHttpHandler(Target) };

    /// <summary>
    /// Starts <paramref name="run"/> (a whole run on this clock: see <see cref="OnClock"/> and <see cref="Cli"/>) and moves the
    /// clock whenever it is quiet, until it ends.
    /// </summary>
    public Task<T> DriveAsync<T>(Func<Task<T>> run) => DriveAsync(Task.Run(run), settled: null);

    /// <summary>Runs the registered scenarios (as <c>RunAsync()</c>) on this clock, driven to the end.</summary>
    /// <param name="settled">
    /// As for <see cref="RunAsync(ScenarioProps, LoadPlan, Func{RunOptions, RunOptions}?, CancellationToken, Func{ScenarioEngine, bool}?)"/>;
    /// <c>_ =&gt; false</c> keeps the clock at its start, for a closed-model scenario that stops the run itself.
    /// </param>
    public Task<NodeStats> RunAsync(LoadRunnerContext context, CancellationToken cancellationToken = default, Func<ScenarioEngine, bool>? settled = null) =>
        DriveAsync(Task.Run(() => OnClock(context).RunAsync(cancellationToken)), settled);

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
        var options = new RunOptions([runtime], plan) { Time = Time, Pacer = ((IRunObserver)this).Pacer(0) };
        var engine = new ScenarioEngine(configure?.Invoke(options) ?? options);
        ((IRunObserver)this).Starting([engine], null);
        return (await DriveAsync(Task.Run(engine.RunAsync), settled)).Single();
    }

    IDispatchPacer IRunObserver.Pacer(int group)
    {
        lock (_pacers)
        {
            while (_pacers.Count <= group)
                _pacers.Add(new VirtualPacer(Time));
            return _pacers[group];
        }
    }

    void IRunObserver.Starting(IReadOnlyList<ScenarioEngine> engines, TimeSpan? liveInterval)
    {
        _liveInterval = liveInterval;
        Interlocked.Exchange(ref _liveOrigin, Time.GetTimestamp());
        Volatile.Write(ref _engines, engines);
    }

    void IRunObserver.WaitingUntil(DateTimeOffset wake) => Interlocked.Exchange(ref _startWake, wake.UtcTicks);

    void IRunObserver.LiveReported() => Interlocked.Increment(ref _liveTicks);

    private async Task<T> DriveAsync<T>(Task<T> outcome, Func<ScenarioEngine, bool>? settled)
    {
        while (true)
        {
            if (!Settle(() => outcome.IsCompleted || Quiet(settled)))
                throw new TimeoutException($"the run did not settle at {Elapsed} of virtual time: {Describe()}");
            if (outcome.IsCompleted)
                break;
            // An arrival is due, and everything else due at this instant has been handled: let that dispatcher run.
            var engines = Volatile.Read(ref _engines) ?? [];
            if (Enumerable.Range(0, engines.Count).FirstOrDefault(i => engines[i].Dispatcher == DispatcherState.Running && PacerOf(i).Due, -1) is var due and >= 0)
            {
                PacerOf(due).Release();
                continue;
            }

            if (Elapsed > TimeSpan.FromHours(1))
                throw new TimeoutException("the run went on past an hour of virtual time");
            Time.Advance(Tick);
            Target.AnswerDue();
        }

        return await outcome;
    }

    private VirtualPacer PacerOf(int group)
    {
        lock (_pacers)
            return _pacers[group];
    }

    private bool Quiet(Func<ScenarioEngine, bool>? settled)
    {
        if (Volatile.Read(ref _engines) is not { } engines)
        {
            // The run waits for --start-at: move the clock to the instant it wakes at, not past it (it starts then).
            var wake = Interlocked.Read(ref _startWake);
            return wake != 0 && Time.GetUtcNow().UtcTicks < wake;
        }

        // Every engine has read its end: nothing waits on the clock any more, and moving it would change what the run reports.
        if (engines.All(e => e.Finished))
            return false;
        if (_liveInterval is { } interval && Interlocked.Read(ref _liveTicks) != (Time.GetTimestamp() - Interlocked.Read(ref _liveOrigin)) / (long)(interval.TotalSeconds * Time.TimestampFrequency))
            return false; // a live-reporting tick is due or being handled
        // A dispatcher starts iterations only between two waits: if it waited before the counts were read and is still in
        // that same wait after, every iteration it started is in the in-flight count read in between.
        var waits = new long[engines.Count];
        long inFlight = 0;
        for (var i = 0; i < engines.Count; i++)
        {
            var engine = engines[i];
            var state = engine.Dispatcher;
            waits[i] = PacerOf(i).CurrentWait;
            if (state == DispatcherState.NotStarted || (state == DispatcherState.Running && waits[i] < 0))
                return false;
            // An open run whose dispatcher is done with nothing in flight is finishing: it reads its end without waiting.
            if (engine.IsOpen && state == DispatcherState.Done && engine.InFlight == 0 && !engine.Finished)
                return false;
            if (!engine.Finished && !(settled?.Invoke(engine) ?? true))
                return false;
            inFlight += engine.InFlight;
        }

        if (inFlight != Target.Pending)
            return false;
        for (var i = 0; i < engines.Count; i++)
        {
            if (engines[i].Dispatcher == DispatcherState.Running && PacerOf(i).CurrentWait != waits[i])
                return false;
        }

        return true;
    }

    private string Describe() => Volatile.Read(ref _engines) is { } engines
        ? string.Join("; ", engines.Select(e => $"{e.InFlight} in flight, dispatcher {e.Dispatcher}, finished {e.Finished}")) + $"; {Target.Pending} at the target; {Interlocked.Read(ref _liveTicks)} live ticks"
        : "the engines were never built";

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
        private CancellationToken _stop;

        /// <summary>
        /// The number of the wait the dispatcher is in, or -1 while it runs (or is stopped: the run was stopped while it
        /// waited, and it is about to wake and end).
        /// </summary>
        public long CurrentWait => _stop.IsCancellationRequested ? -1 : Interlocked.Read(ref _current);

        public bool Due => CurrentWait >= 0 && time.GetTimestamp() >= Interlocked.Read(ref _wakeAt);

        public void WaitUntil(long timestamp, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _wakeAt, timestamp);
            _stop = cancellationToken;
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
/// A target on the fake clock: each call answers <see cref="StatusCode"/> after <see cref="Latency"/> of virtual time; a
/// stall holds every call that arrives inside its window until the window ends, then adds the latency. The answers due
/// are given by <see cref="AnswerDue"/>, which the test's driver calls on its own thread each time it moves the clock. A
/// scenario calls it directly (<see cref="CallAsync"/>), or a run's HTTP client sends to it (<see cref="VirtualHttpHandler"/>).
/// </summary>
internal sealed class VirtualTarget(FakeTimeProvider time)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _stalls = [];
    private readonly PriorityQueue<Call, (DateTimeOffset Due, long Order)> _answers = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _order;
    private long _pending;
    private long _calls;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The status code every call answers with; 2xx is ok.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Calls answered or being served.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The HTTP requests received, by "METHOD /path".</summary>
    public IReadOnlyDictionary<string, long> Requests => _requests;

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

    public async Task<Response<object>> CallAsync()
    {
        var status = await AnswerAsync(CancellationToken.None).ConfigureAwait(false);
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return status is >= 200 and < 300 ? Response.Ok(statusCode: code) : Response.Fail(statusCode: code);
    }

    /// <summary>An HTTP request (counted by method and path); cancelling it takes it off the target at once.</summary>
    public Task<int> ReceiveAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.AddOrUpdate($"{request.Method} {request.RequestUri?.AbsolutePath}", 1, (_, n) => n + 1);
        return AnswerAsync(cancellationToken);
    }

    /// <summary>Answers every call due by now, in due order; each is counted out before its caller resumes.</summary>
    public void AnswerDue()
    {
        var now = time.GetUtcNow();
        while (true)
        {
            Call call;
            lock (_lock)
            {
                if (!_answers.TryPeek(out call!, out var key) || key.Due > now)
                    return;
                _answers.Dequeue();
            }

            call.Complete(cancelled: false);
        }
    }

    private Task<int> AnswerAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var status = StatusCode;
        var now = time.GetUtcNow();
        var start = now;
        foreach (var (from, until) in _stalls)
        {
            if (start >= from && start < until)
                start = until;
        }

        var due = start + Latency;
        if (due <= now)
            return Task.FromResult(status);
        var call = new Call(this, status);
        lock (_lock)
        {
            _answers.Enqueue(call, (due, _order++));
            _pending++;
        }

        call.Cancellation = cancellationToken.Register(static state => ((Call)state!).Complete(cancelled: true), call);
        return call.Answered.Task;
    }

    /// <summary>One waiting call: answered or cancelled, whichever comes first, counted out of <see cref="Pending"/> once.</summary>
    private sealed class Call(VirtualTarget target, int status)
    {
        private int _done;

        public TaskCompletionSource<int> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Cancellation { get; set; }

        public void Complete(bool cancelled)
        {
            if (Interlocked.Exchange(ref _done, 1) != 0)
                return;
            lock (target._lock)
                target._pending--;
            Cancellation.Unregister();
            if (cancelled)
                Answered.SetCanceled();
            else
                Answered.SetResult(status);
        }
    }
}

/// <summary>The run's HTTP handler in place of the socket pool: every request waits at the <see cref="VirtualTarget"/> and gets its status.</summary>
internal sealed class VirtualHttpHandler(VirtualTarget target) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var status = await target.ReceiveAsync(request, cancellationToken).ConfigureAwait(false);
        return new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent("pong"), RequestMessage = request };
    }
}
