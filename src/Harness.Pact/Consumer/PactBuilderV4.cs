using System.Runtime.ExceptionServices;
using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

internal sealed class PactBuilderV4(PactIdentity identity) : IPactBuilderV4
{
    // One pact handle per verification: a handle that has run a mock server keeps its interactions, and the next mock
    // server made from it would expect them all again. VerifyAsync takes the current lease and the next
    // UponReceiving starts a new one.
    private NativePactLease? current;
    private bool disposed;

    public IRequestBuilderV4 UponReceiving(string description)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        current ??= identity.NewPact();
        return new HttpInteractionBuilder(current.Pact, description, identity.Config.DefaultJsonSettings);
    }

    public IMessagePactBuilderV4 WithMessageInteractions()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return current is null
            ? new MessagePactBuilderV4(identity)
            : throw new InvalidOperationException(
                "This builder already holds HTTP interactions; start message interactions from a new Pact.V4(...).");
    }

    public async Task VerifyAsync(Func<IConsumerContext, Task> interact)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(interact);
        using var lease = current
            ?? throw new InvalidOperationException("There are no interactions to verify: call UponReceiving(...) before VerifyAsync.");
        current = null;

        using var server = NativeMockServer.Start(lease.Pact);
        Exception? testFailure = null;
        try
        {
            await interact(new ConsumerContext(new Uri($"http://127.0.0.1:{server.Port}/")));
        }
        catch (Exception exception)
        {
            testFailure = exception;
        }

        if (!NativeMethods.MockServerMatched(server.Port))
        {
            var mismatches = NativeString.CopyBorrowed(NativeMethods.MockServerMismatches(server.Port)) ?? "[]";
            var logs = NativeLogging.IsCapturing ? NativeString.CopyBorrowed(NativeMethods.MockServerLogs(server.Port)) : null;
            throw PactVerificationException.FromMockServer(mismatches, logs, testFailure);
        }

        if (testFailure is not null)
        {
            ExceptionDispatchInfo.Throw(testFailure);
        }

        PactFileWriter.Write(lease.Pact, identity);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        current?.Dispose();
        current = null;
    }

    private sealed record ConsumerContext(Uri MockServerUri) : IConsumerContext;
}
