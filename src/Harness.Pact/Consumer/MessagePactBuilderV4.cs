using System.Text;
using System.Text.Json;
using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

internal sealed class MessagePactBuilderV4(PactIdentity identity) : IMessagePactBuilderV4
{
    private readonly List<NativePactLease> leases = [];
    private readonly List<(string Namespace, string Name, string Value)> metadata = [];
    private readonly PactIdentity identity = identity;
    private bool disposed;

    public IMessageBuilderV4 ExpectsToReceive(string description)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);

        // One pact handle per message, for the same reason as one per HTTP verification: a handle keeps everything
        // added to it, and writing it again would re-record messages whose handlers were never run.
        var lease = identity.NewPact(metadata);
        leases.Add(lease);
        return new MessageBuilder(this, lease, description);
    }

    public IMessagePactBuilderV4 WithPactMetadata(string @namespace, string name, string value)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        metadata.Add((@namespace, name, value));
        return this;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var lease in leases)
        {
            lease.Dispose();
        }

        leases.Clear();
    }

    private void Release(NativePactLease lease)
    {
        leases.Remove(lease);
        lease.Dispose();
    }

    private sealed class MessageBuilder : IMessageBuilderV4, IConfiguredMessageVerifier
    {
        private readonly MessagePactBuilderV4 owner;
        private readonly NativePactLease lease;
        private readonly string description;
        private readonly InteractionHandleValue message;
        private JsonSerializerOptions options;

        internal MessageBuilder(MessagePactBuilderV4 owner, NativePactLease lease, string description)
        {
            this.owner = owner;
            this.lease = lease;
            this.description = description;
            options = owner.identity.Config.DefaultJsonSettings;
            message = NativeMethods.NewMessageInteraction(lease.Pact.Value, description);
            if (!message.IsValid)
            {
                throw new PactException($"The Pact engine could not create message interaction '{description}'.");
            }

            NativeMethods.MessageExpectsToReceive(message, description);
        }

        public IMessageBuilderV4 Given(string providerState)
        {
            ProviderStates.Add(message, description, providerState);
            return this;
        }

        public IMessageBuilderV4 Given(string providerState, IDictionary<string, string> parameters)
        {
            ProviderStates.Add(message, description, providerState, parameters, options);
            return this;
        }

        public IMessageBuilderV4 Given(string providerState, IDictionary<string, object> parameters)
        {
            ProviderStates.Add(message, description, providerState, parameters, options);
            return this;
        }

        public IMessageBuilderV4 WithMetadata(string key, string value)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key);
            ArgumentNullException.ThrowIfNull(value);
            NativeMethods.MessageWithMetadata(message, key, value);
            return this;
        }

        public IConfiguredMessageVerifier WithJsonContent(object body) => WithJsonContent(body, options);

        public IConfiguredMessageVerifier WithJsonContent(object body, JsonSerializerOptions settings)
        {
            ArgumentNullException.ThrowIfNull(body);
            ArgumentNullException.ThrowIfNull(settings);
            options = settings;
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, body.GetType(), settings));
            NativeMethods.MessageWithContents(message, "application/json", bytes, (nuint)bytes.Length);
            return this;
        }

        public void Verify<T>(Action<T> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            var example = Reify<T>();
            try
            {
                handler(example);
            }
            catch (Exception exception)
            {
                owner.Release(lease);
                throw new PactMessageException($"The handler for message '{description}' failed: {exception.Message}", exception);
            }

            Complete();
        }

        public async Task VerifyAsync<T>(Func<T, Task> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            var example = Reify<T>();
            try
            {
                await handler(example);
            }
            catch (Exception exception)
            {
                owner.Release(lease);
                throw new PactMessageException($"The handler for message '{description}' failed: {exception.Message}", exception);
            }

            Complete();
        }

        private T Reify<T>()
        {
            var reified = NativeString.TakeOwned(NativeMethods.MessageReify(message))
                ?? throw new PactMessageException($"The Pact engine could not produce an example of message '{description}'.");
            try
            {
                using var document = JsonDocument.Parse(reified);
                // A V4 message reifies as {"contents": {"content": <body>, "contentType": ..., "encoded": false}, ...}.
                var contents = document.RootElement.TryGetProperty("contents", out var envelope)
                    && envelope.ValueKind == JsonValueKind.Object
                    && envelope.TryGetProperty("content", out var content)
                    ? content
                    : throw new PactMessageException($"The example of message '{description}' has no contents: {reified}");
                return contents.Deserialize<T>(options)
                    ?? throw new PactMessageException($"The example of message '{description}' is null.");
            }
            catch (JsonException exception)
            {
                throw new PactMessageException(
                    $"The example of message '{description}' does not deserialise into {typeof(T).Name}: {exception.Message}", exception);
            }
        }

        private void Complete()
        {
            try
            {
                PactFileWriter.Write(lease.Pact, owner.identity);
            }
            finally
            {
                owner.Release(lease);
            }
        }
    }
}
