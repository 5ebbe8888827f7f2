using Harness.Load.Cli;
using Harness.Load.Reports;

// Before anything opens a socket: the runtime reads it once (SocketDefaults).
SocketDefaults.Apply();

// Ctrl-C and SIGTERM stop the run, not the process: the runner drains and the report is still written, marked incomplete.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var exit = await LoadCli.Default().InvokeAsync(args, stop.Token);
return stop.IsCancellationRequested && exit == ExitCodes.Ok ? ExitCodes.Cancelled : exit;
