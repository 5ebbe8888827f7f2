using System.Text.Json;

namespace Harness.Pact;

/// <summary>A message pact builder: PactNet's <c>IMessagePactBuilder</c>.</summary>
public interface IMessagePactBuilder : IDisposable
{
}

/// <summary>
/// Builds V4 asynchronous message interactions (e.g. Atlas webhooks) for one consumer/provider pair: PactNet's
/// <c>IMessagePactBuilderV4</c>. Messages go into the same V4 pact file as the pair's HTTP interactions.
/// </summary>
public interface IMessagePactBuilderV4 : IMessagePactBuilder
{
    IMessageBuilderV4 ExpectsToReceive(string description);

    /// <summary>Adds <c>metadata.{namespace}.{name} = value</c> to the pact file.</summary>
    IMessagePactBuilderV4 WithPactMetadata(string @namespace, string name, string value);
}

/// <summary>One asynchronous message the consumer expects to receive: PactNet's <c>IMessageBuilderV4</c>.</summary>
public interface IMessageBuilderV4
{
    IMessageBuilderV4 Given(string providerState);

    /// <summary>Parameters as PactNet records them: a value that is valid JSON as that JSON, anything else as a string.</summary>
    IMessageBuilderV4 Given(string providerState, IDictionary<string, string> parameters);

    /// <summary>Harness: parameters recorded with their own JSON types.</summary>
    IMessageBuilderV4 Given(string providerState, IDictionary<string, object> parameters);

    /// <summary>Message metadata (e.g. a webhook header); the value may be a matcher's JSON.</summary>
    IMessageBuilderV4 WithMetadata(string key, string value);

    /// <summary>JSON content serialised with <see cref="PactConfig.DefaultJsonSettings"/>; may hold matchers.</summary>
    IConfiguredMessageVerifier WithJsonContent(object body);

    IConfiguredMessageVerifier WithJsonContent(object body, JsonSerializerOptions settings);
}

/// <summary>
/// Hands the example message to the consumer's handler and records it in the pact file when the handler succeeds:
/// PactNet's <c>IConfiguredMessageVerifier</c>.
/// </summary>
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

/// <summary>
/// The consumer could not handle the message its pact describes (Harness's name for it; catch PactNet's
/// <see cref="Exceptions.PactMessageConsumerVerificationException"/> to be portable).
/// </summary>
public sealed class PactMessageException : Exceptions.PactMessageConsumerVerificationException
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
