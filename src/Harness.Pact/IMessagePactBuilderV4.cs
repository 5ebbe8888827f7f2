using System.Text.Json;

namespace Harness.Pact;

/// <summary>
/// Builds V4 asynchronous message interactions (e.g. Atlas webhooks) for one consumer/provider pair. Messages go into
/// the same V4 pact file as the pair's HTTP interactions.
/// </summary>
public interface IMessagePactBuilderV4 : IDisposable
{
    IMessageBuilderV4 ExpectsToReceive(string description);
}

/// <summary>One asynchronous message the consumer expects to receive.</summary>
public interface IMessageBuilderV4
{
    IMessageBuilderV4 Given(string providerState);

    IMessageBuilderV4 Given(string providerState, IDictionary<string, string> parameters);

    IMessageBuilderV4 Given(string providerState, IDictionary<string, object> parameters);

    /// <summary>Message metadata (e.g. a webhook header); the value may be a matcher's JSON.</summary>
    IMessageBuilderV4 WithMetadata(string key, string value);

    /// <summary>JSON content serialised with <see cref="PactConfig.DefaultJsonSettings"/>; may hold matchers.</summary>
    IConfiguredMessageVerifier WithJsonContent(object content);

    IConfiguredMessageVerifier WithJsonContent(object content, JsonSerializerOptions options);
}

/// <summary>Hands the example message to the consumer's handler and records it in the pact file when the handler succeeds.</summary>
public interface IConfiguredMessageVerifier
{
    /// <summary>
    /// Deserialises the example message (matchers stripped) into <typeparamref name="T"/>, calls
    /// <paramref name="handler"/>, and on success writes the message to the pact file.
    /// </summary>
    /// <exception cref="PactMessageException">The message did not deserialise or the handler threw.</exception>
    void Verify<T>(Action<T> handler);

    Task VerifyAsync<T>(Func<T, Task> handler);
}

/// <summary>The consumer could not handle the message its pact describes.</summary>
public sealed class PactMessageException : PactException
{
    public PactMessageException()
    {
    }

    public PactMessageException(string message)
        : base(message)
    {
    }

    public PactMessageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
