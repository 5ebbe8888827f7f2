using System.Runtime.InteropServices;
using Harness.Load.Cli;
using Harness.Load.Reports;

// The generator and the in-process sandbox share one thread pool. A pool that starts at one thread per core grows by
// about one thread a second when a burst of CPU-bound requests arrives (its hill climbing), which showed as seconds of
// latency in a run's first seconds; a higher floor lets it absorb the burst at once.
ThreadPool.GetMinThreads(out var workers, out var completionPorts);
ThreadPool.SetMinThreads(Math.Max(workers, 16 * Environment.ProcessorCount), completionPorts);

// Ctrl-C and SIGTERM cancel the run; the runner drains and the report is still written, marked incomplete.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var exit = await LoadCli.Default().InvokeAsync(args, stop.Token);
return stop.IsCancellationRequested && exit == ExitCodes.Ok ? ExitCodes.Cancelled : exit;
