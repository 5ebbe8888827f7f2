using System.Runtime.ExceptionServices;
using Harness.Pact.Infrastructure.Outputters;
using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

internal sealed class PactBuilderV4(PactIdentity identity, int port, IPAddress host) : IPactBuilderV4
{
    // One pact handle per verification: a handle that has run a mock server keeps its interactions, and the next mock
    // server made from it would expect them all again. VerifyAsync takes the current lease and the next
    // UponReceiving starts a new one.
    private NativePactLease? _current;
    private bool _disposed;

    public IRequestBuilderV4 UponReceiving(string description)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _current ??= identity.NewPact();
        return new HttpInteractionBuilder(_current.Pact, description, identity.Config.DefaultJsonSettings);
    }

    public void Verify(Action<IConsumerContext> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        Run(context =>
        {
            interact(context);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    public Task VerifyAsync(Func<IConsumerContext, Task> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        return Run(interact);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _current?.Dispose();
        _current = null;
    }

    private async Task Run(Func<IConsumerContext, Task> interact)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var lease = _current
            ?? throw new InvalidOperationException("There are no interactions to verify: call UponReceiving(...) before VerifyAsync.");
        _current = null;

        var address = host == IPAddress.Any ? "0.0.0.0" : "127.0.0.1";
        using var server = NativeMockServer.Start(lease.Pact, address, (ushort)port);
        Exception? testFailure = null;
        try
        {
            await interact(new ConsumerContext(new Uri($"http://127.0.0.1:{server.Port}/")));
        }
        catch (Exception exception)
        {
            testFailure = exception;
        }

        var matched = NativeMethods.MockServerMatched(server.Port);
        var logs = identity.Config.LogLevel != PactLogLevel.None && NativeLogging.IsCapturing
            ? NativeString.CopyBorrowed(NativeMethods.MockServerLogs(server.Port)) is { } captured ? Redaction.Redact(captured) : null
            : null;
        if (!string.IsNullOrEmpty(logs))
        {
            identity.Config.WriteLine("Mock server logs:");
            Outputs.Write(identity.Config.Outputters, logs);
        }

        if (!matched)
        {
            var mismatches = NativeString.CopyBorrowed(NativeMethods.MockServerMismatches(server.Port)) ?? "[]";
            var failure = PactVerificationException.FromMockServer(mismatches, logs, testFailure);
            identity.Config.WriteLine(failure.Message);
            throw failure;
        }

        if (testFailure is not null)
        {
            ExceptionDispatchInfo.Throw(testFailure);
        }

        PactFileWriter.Write(lease.Pact, identity);
    }

    private sealed record ConsumerContext(Uri MockServerUri) : IConsumerContext;
}
