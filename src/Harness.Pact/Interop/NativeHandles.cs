using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>Counts native handles that are alive, so tests can prove builders and verifiers release what they take.</summary>
internal static class LiveHandles
{
    private static int s_pacts;
    private static int s_mockServers;
    private static int s_verifiers;

    internal static int Pacts => Volatile.Read(ref s_pacts);

    internal static int MockServers => Volatile.Read(ref s_mockServers);

    internal static int Verifiers => Volatile.Read(ref s_verifiers);

    internal static void PactOpened() => Interlocked.Increment(ref s_pacts);

    internal static void PactClosed() => Interlocked.Decrement(ref s_pacts);

    internal static void MockServerOpened() => Interlocked.Increment(ref s_mockServers);

    internal static void MockServerClosed() => Interlocked.Decrement(ref s_mockServers);

    internal static void VerifierOpened() => Interlocked.Increment(ref s_verifiers);

    internal static void VerifierClosed() => Interlocked.Decrement(ref s_verifiers);
}

/// <summary>
/// Owns one pact handle (a 16-bit reference into the library's pact table) and frees it exactly once.
/// The reference is kept in <see cref="SafeHandle.handle"/>; -1 marks "no handle" because 0 is a valid reference.
/// </summary>
internal sealed class NativePact : SafeHandle
{
    private NativePact(PactHandleValue value)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(value.PactRef));
        LiveHandles.PactOpened();
    }

    public override bool IsInvalid => handle == new IntPtr(-1);

    internal PactHandleValue Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return new PactHandleValue((ushort)handle.ToInt32());
        }
    }

    internal static NativePact CreateV4(string consumer, string provider)
    {
        var value = NativeMethods.NewPact(consumer, provider);
        var pact = new NativePact(value);
        if (!NativeMethods.WithSpecification(value, PactSpecification.V4))
        {
            pact.Dispose();
            throw new PactException($"The Pact engine refused to set specification V4 on the pact {consumer} -> {provider}.");
        }

        return pact;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.FreePactHandle(new PactHandleValue((ushort)handle.ToInt32()));
        LiveHandles.PactClosed();
        return true;
    }
}

/// <summary>Owns one running mock server, identified by its port; cleaning it up stops it and frees its memory.</summary>
internal sealed class NativeMockServer : SafeHandle
{
    private NativeMockServer(int port)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(new IntPtr(port));
        LiveHandles.MockServerOpened();
    }

    public override bool IsInvalid => handle.ToInt64() <= 0;

    internal int Port
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle.ToInt32();
        }
    }

    internal static NativeMockServer Start(NativePact pact, string address = "127.0.0.1", ushort requestedPort = 0)
    {
        var port = NativeMethods.CreateMockServerForTransport(pact.Value, address, requestedPort, "http", null);
        if (port <= 0)
        {
            throw new PactException(port switch
            {
                -1 => "The mock server could not start: the pact handle is not valid.",
                -3 => $"The mock server could not start on {address}:{requestedPort} (is the port already in use?).",
                -4 => "The mock server panicked while starting.",
                -5 => $"The mock server could not start: the address {address} was rejected.",
                _ => $"The mock server could not start (pact_ffi error {port}).",
            });
        }

        return new NativeMockServer(port);
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.CleanupMockServer(handle.ToInt32());
        LiveHandles.MockServerClosed();
        return true;
    }
}

/// <summary>Owns one verifier (a pointer into the library) and shuts it down exactly once.</summary>
internal sealed class VerifierHandle : SafeHandle
{
    public VerifierHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static VerifierHandle Create(string application, string version)
    {
        var pointer = NativeMethods.VerifierNewForApplication(application, version);
        if (pointer == IntPtr.Zero)
        {
            throw new PactException("The Pact engine could not create a verifier.");
        }

        var verifier = new VerifierHandle();
        verifier.SetHandle(pointer);
        LiveHandles.VerifierOpened();
        return verifier;
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.VerifierShutdown(handle);
        LiveHandles.VerifierClosed();
        return true;
    }
}
