using Harness.Load.Engine;
using Microsoft.Extensions.Logging.Abstractions;
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
        bool Quiet() =>
            engine.InFlight == Target.Pending
            && (settled?.Invoke(engine) ?? true)
            && engine.Dispatcher switch
            {
                DispatcherState.Running => Pacer.Waiting,
                DispatcherState.Done => true,
                _ => false,
            };

        while (true)
        {
            if (!SpinWait.SpinUntil(() => outcome.IsCompleted || Quiet(), SettleTimeout))
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
        }

        return (await outcome).Single();
    }

    /// <summary>Holds the dispatcher until the test releases it; the engine's own pacer would wake it from the clock's timer.</summary>
    private sealed class VirtualPacer(TimeProvider time) : IDispatchPacer
    {
        private readonly SemaphoreSlim _go = new(0);
        private long _wakeAt = long.MaxValue;
        private volatile bool _waiting;

        public bool Waiting => _waiting;

        public bool Due => _waiting && time.GetTimestamp() >= Interlocked.Read(ref _wakeAt);

        public void WaitUntil(long timestamp, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _wakeAt, timestamp);
            _waiting = true;
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
                _waiting = false;
            }
        }

        public void Release()
        {
            _waiting = false; // before the dispatcher runs: the test waits until it waits again (or finishes)
            _go.Release();
        }
    }
}

/// <summary>
/// A target on the fake clock: each call answers after <see cref="Latency"/> of virtual time; a stall holds every call
/// that arrives inside its window until the window ends, then adds the latency.
/// </summary>
internal sealed class VirtualTarget(FakeTimeProvider time)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset Until)> _stalls = [];
    private long _pending;
    private long _calls;

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The status code every call answers with; 2xx is ok.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>Calls answered or being served.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls waiting for their answer.</summary>
    public long Pending => Interlocked.Read(ref _pending);

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
        var due = start + Latency - now;
        if (due <= TimeSpan.Zero)
            return Task.FromResult(answer);
        Interlocked.Increment(ref _pending);
        var answered = new TaskCompletionSource<Response<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = time.CreateTimer(_ =>
        {
            // Counted out before the caller resumes: from here the engine's in-flight count says whether it has finished.
            Interlocked.Decrement(ref _pending);
            answered.SetResult(answer);
        }, null, due, Timeout.InfiniteTimeSpan);
        _ = answered.Task.ContinueWith(_ => timer.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return answered.Task;
    }
}
