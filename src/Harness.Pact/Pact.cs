using Harness.Pact.Consumer;

namespace Harness.Pact;

/// <summary>A consumer/provider pair and its settings: PactNet's <c>IPact</c>.</summary>
public interface IPact
{
    string Consumer { get; }

    string Provider { get; }

    PactConfig Config { get; }
}

/// <summary>
/// A V4 pact: PactNet's <c>IPactV4</c>. Add HTTP interactions with <see cref="PactExtensions.WithHttpInteractions"/> or
/// asynchronous messages with <see cref="PactExtensions.WithMessageInteractions"/>.
/// </summary>
public interface IPactV4 : IPact
{
}

/// <summary>The address the consumer mock server listens on: PactNet's <c>IPAddress</c>.</summary>
public enum IPAddress
{
    /// <summary>127.0.0.1 only.</summary>
    Loopback,

    /// <summary>Every interface (0.0.0.0).</summary>
    Any,
}

/// <summary>
/// Entry point of the consumer DSL, as PactNet 5: <c>Pact.V4(consumer, provider, config).WithHttpInteractions()</c>.
/// Harness addition: a <see cref="Pact"/> is itself an <see cref="IPactBuilderV4"/> on a free loopback port (what
/// <c>WithHttpInteractions()</c> with no arguments gives), so <c>Pact.V4(...).UponReceiving(...)</c> works too.
/// </summary>
public sealed class Pact : IPactV4, IPactBuilderV4
{
    private IPactBuilderV4? _builder;

    private Pact(string consumer, string provider, PactConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(config);
        Consumer = consumer;
        Provider = provider;
        Config = config;
    }

    public string Consumer { get; }

    public string Provider { get; }

    public PactConfig Config { get; }

    /// <summary>A V4 pact between <paramref name="consumer"/> and <paramref name="provider"/> with default settings.</summary>
    public static Pact V4(string consumer, string provider) => new(consumer, provider, new PactConfig());

    /// <summary>A V4 pact between <paramref name="consumer"/> and <paramref name="provider"/>.</summary>
    public static Pact V4(string consumer, string provider, PactConfig config) => new(consumer, provider, config);

    /// <inheritdoc />
    public IRequestBuilderV4 UponReceiving(string description) => Builder.UponReceiving(description);

    /// <inheritdoc />
    public void Verify(Action<IConsumerContext> interact) => Builder.Verify(interact);

    /// <inheritdoc />
    public Task VerifyAsync(Func<IConsumerContext, Task> interact) => Builder.VerifyAsync(interact);

    public void Dispose() => _builder?.Dispose();

    private IPactBuilderV4 Builder => _builder ??= this.WithHttpInteractions();
}

/// <summary>Starts HTTP or message interactions on a pact: PactNet's <c>PactExtensions</c>.</summary>
public static class PactExtensions
{
    /// <summary>
    /// HTTP interactions, checked against a mock server on <paramref name="host"/>:<paramref name="port"/>
    /// (null: a free port). Prefer a free port: two mock servers cannot share one.
    /// </summary>
    public static IPactBuilderV4 WithHttpInteractions(this IPactV4 pact, int? port = null, IPAddress host = IPAddress.Loopback)
    {
        ArgumentNullException.ThrowIfNull(pact);
        if (port is < 0 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The mock server port must be between 0 and 65535 (or null for a free port).");
        }

        return new PactBuilderV4(new PactIdentity(pact.Consumer, pact.Provider, pact.Config), port ?? 0, host);
    }

    /// <summary>V4 asynchronous messages (e.g. webhooks) for the same consumer, provider and settings.</summary>
    public static IMessagePactBuilderV4 WithMessageInteractions(this IPactV4 pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        return new MessagePactBuilderV4(new PactIdentity(pact.Consumer, pact.Provider, pact.Config));
    }
}
