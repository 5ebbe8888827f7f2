namespace Harness.Pact.Consumer;

/// <summary>Consumer, provider and settings shared by every pact handle a builder creates.</summary>
internal sealed record PactIdentity(string Consumer, string Provider, PactConfig Config)
{
    internal string PactDir => Config.PactDir ?? PactTools.DefaultPactDir;

    internal NativePactLease NewPact()
    {
        Interop.NativeLogging.EnsureConfigured(Config.LogLevel);
        return new NativePactLease(Interop.NativePact.CreateV4(Consumer, Provider));
    }
}

/// <summary>A fresh pact handle, used by one verification and then freed.</summary>
internal sealed class NativePactLease(Interop.NativePact pact) : IDisposable
{
    internal Interop.NativePact Pact { get; } = pact;

    public void Dispose() => Pact.Dispose();
}
