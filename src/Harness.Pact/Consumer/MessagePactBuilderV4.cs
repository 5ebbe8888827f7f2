using System.Text;
using System.Text.Json;
using Harness.Pact.Interop;

namespace Harness.Pact.Consumer;

internal sealed class MessagePactBuilderV4(PactIdentity identity) : IMessagePactBuilderV4
{
    private readonly List<NativePactLease> _leases = [];
    private readonly List<(string Namespace, string Name, string Value)> _metadata = [];
    private readonly PactIdentity _identity = identity;
    private bool _disposed;

    public IMessageBuilderV4 ExpectsToReceive(string description)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);

        // One pact handle per message, for the same reason as one per HTTP verification: a handle keeps everything
        // added to it, and writing it again would re-record messages whose handlers were never run.
        var lease = _identity.NewPact(_metadata);
        _leases.Add(lease);
        return new MessageBuilder(this, lease, description);
    }

    public IMessagePactBuilderV4 WithPactMetadata(string @namespace, string name, string value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _metadata.Add((@namespace, name, value));
        return this;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var lease in _leases)
        {
            lease.Dispose();
        }

        _leases.Clear();
    }

    private void Release(NativePactLease lease)
    {
        _leases.Remove(lease);
        lease.Dispose();
    }

    private sealed class MessageBuilder : IMessageBuilderV4, IConfiguredMessageVerifier
    {
        private readonly MessagePactBuilderV4 _owner;
        private readonly NativePactLease _lease;
        private readonly string _description;
        private readonly InteractionHandleValue _message;
        private JsonSerializerOptions _options;

        internal MessageBuilder(MessagePactBuilderV4 owner, NativePactLease lease, string description)
        {
            this._owner = owner;
            this._lease = lease;
            this._description = description;
            _options = owner._identity.Config.DefaultJsonSettings;
            _message = NativeMethods.NewMessageInteraction(lease.Pact.Value, description);
            if (!_message.IsValid)
            {
                throw new PactException($"The Pact engine could not create message interaction '{description}'.");
            }

            NativeMethods.MessageExpectsToReceive(_message, description);
        }

        public IMessageBuilderV4 Given(string providerState)
        {
            ProviderStates.Add(_message, _description, providerState);
            return this;
        }

        public IMessageBuilderV4 Given(string providerState, IDictionary<string, string> parameters)
        {
            ProviderStates.Add(_message, _description, providerState, parameters, _options);
            return this;
        }

        public IMessageBuilderV4 Given(string providerState, IDictionary<string, object> parameters)
        {
            ProviderStates.Add(_message, _description, providerState, parameters, _options);
            return this;
        }

        public IMessageBuilderV4 WithMetadata(string key, string value)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key);
            ArgumentNullException.ThrowIfNull(value);
            NativeMethods.MessageWithMetadata(_message, key, value);
            return this;
        }

        public IConfiguredMessageVerifier WithJsonContent(object body) => WithJsonContent(body, _options);

        public IConfiguredMessageVerifier WithJsonContent(object body, JsonSerializerOptions settings)
        {
            ArgumentNullException.ThrowIfNull(body);
            ArgumentNullException.ThrowIfNull(settings);
            _options = settings;
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, body.GetType(), settings));
            NativeMethods.MessageWithContents(_message, "application/json", bytes, (nuint)bytes.Length);
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
                _owner.Release(_lease);
                throw new PactMessageException($"The handler for message '{_description}' failed: {exception.Message}", exception);
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
                _owner.Release(_lease);
                throw new PactMessageException($"The handler for message '{_description}' failed: {exception.Message}", exception);
            }

            Complete();
        }

        private T Reify<T>()
        {
            var reified = NativeString.TakeOwned(NativeMethods.MessageReify(_message))
                ?? throw new PactMessageException($"The Pact engine could not produce an example of message '{_description}'.");
            try
            {
                using var document = JsonDocument.Parse(reified);
                // A V4 message reifies as {"contents": {"content": <body>, "contentType": ..., "encoded": false}, ...}.
                var contents = document.RootElement.TryGetProperty("contents", out var envelope)
                    && envelope.ValueKind == JsonValueKind.Object
                    && envelope.TryGetProperty("content", out var content)
                    ? content
                    : throw new PactMessageException($"The example of message '{_description}' has no contents: {reified}");
                return contents.Deserialize<T>(_options)
                    ?? throw new PactMessageException($"The example of message '{_description}' is null.");
            }
            catch (JsonException exception)
            {
                throw new PactMessageException(
                    $"The example of message '{_description}' does not deserialise into {typeof(T).Name}: {exception.Message}", exception);
            }
        }

        private void Complete()
        {
            try
            {
                PactFileWriter.Write(_lease.Pact, _owner._identity);
            }
            finally
            {
                _owner.Release(_lease);
            }
        }
    }
}
