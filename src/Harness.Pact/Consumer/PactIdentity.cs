namespace Harness.Pact.Consumer;

/// <summary>Consumer, provider and settings shared by every pact handle a builder creates.</summary>
internal sealed record PactIdentity(string Consumer, string Provider, PactConfig Config)
{
    internal string PactDir => Config.PactDir;

    internal NativePactLease NewPact(IReadOnlyList<(string Namespace, string Name, string Value)>? metadata = null)
    {
        Interop.NativeLogging.EnsureConfigured(Config.LogLevel);
        var pact = Interop.NativePact.CreateV4(Consumer, Provider);
        foreach (var (@namespace, name, value) in metadata ?? [])
        {
            if (!Interop.NativeMethods.WithPactMetadata(pact.Value, @namespace, name, value))
            {
                pact.Dispose();
                throw new PactException($"The Pact engine refused the pact metadata {@namespace}.{name} of {Consumer} -> {Provider}.");
            }
        }

        return new NativePactLease(pact);
    }
}

/// <summary>A fresh pact handle, used by one verification and then freed.</summary>
internal sealed class NativePactLease(Interop.NativePact pact) : IDisposable
{
    internal Interop.NativePact Pact { get; } = pact;

    public void Dispose() => Pact.Dispose();
}
