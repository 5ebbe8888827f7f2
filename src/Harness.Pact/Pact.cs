using Harness.Pact.Consumer;

namespace Harness.Pact;

/// <summary>Entry point of the consumer DSL, shaped like PactNet 5.</summary>
public static class Pact
{
    /// <summary>
    /// A V4 pact between <paramref name="consumer"/> and <paramref name="provider"/>. Add HTTP interactions with
    /// <see cref="IPactBuilderV4.UponReceiving"/> and check them with <see cref="IPactBuilderV4.VerifyAsync"/>, or switch
    /// to asynchronous messages with <see cref="IPactBuilderV4.WithMessageInteractions"/>.
    /// </summary>
    public static IPactBuilderV4 V4(string consumer, string provider, PactConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        return new PactBuilderV4(new PactIdentity(consumer, provider, config ?? new PactConfig()));
    }
}
