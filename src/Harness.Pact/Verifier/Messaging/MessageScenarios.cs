using System.Text.Json;

namespace Harness.Pact.Verifier.Messaging;

/// <summary>The provider's messages, by description, for verifying message pacts: PactNet's <c>IMessageScenarios</c>.</summary>
public interface IMessageScenarios
{
    /// <summary>The scenarios added so far, by description.</summary>
    IReadOnlyDictionary<string, Scenario> Scenarios { get; }

    /// <summary>
    /// The message whose pact description is <paramref name="description"/>: <paramref name="factory"/> builds it each
    /// time the verifier asks (after the interaction's provider states are set up), with JSON metadata.
    /// </summary>
    IMessageScenarios Add(string description, Func<dynamic> factory);

    /// <summary>A message with metadata or its own serialiser settings.</summary>
    IMessageScenarios Add(string description, Action<IMessageScenarioBuilder> configure);

    /// <summary>A message whose builder is configured asynchronously.</summary>
    IMessageScenarios Add(string description, Func<IMessageScenarioBuilder, Task> configure);
}

/// <summary>Content and metadata of one message scenario: PactNet's <c>IMessageScenarioBuilder</c>.</summary>
public interface IMessageScenarioBuilder
{
    /// <summary>The message metadata (an object serialised to JSON, e.g. <c>new { contentType = "application/json" }</c>).</summary>
    IMessageScenarioBuilder WithMetadata(dynamic metadata);

    void WithContent(Func<dynamic> factory);

    void WithContent(Func<dynamic> factory, JsonSerializerOptions settings);

    /// <summary>Content built asynchronously, each time the verifier asks for the message.</summary>
    Task WithContentAsync(Func<Task<dynamic>> factory);

    Task WithContentAsync(Func<Task<dynamic>> factory, JsonSerializerOptions settings);
}

/// <summary>One message scenario: PactNet's <c>Scenario</c>.</summary>
public class Scenario
{
    private readonly Func<Task<object?>> _factory;

    public Scenario(string description, Func<dynamic> factory)
        : this(description, factory, null, null)
    {
    }

    public Scenario(string description, Func<dynamic> factory, dynamic? metadata, JsonSerializerOptions? settings)
        : this(description, Wrap(factory), (object?)metadata, settings)
    {
    }

    internal Scenario(string description, Func<Task<object?>> factory, object? metadata, JsonSerializerOptions? settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(factory);
        Description = description;
        this._factory = factory;
        Metadata = metadata;
        JsonSettings = settings;
    }

    public string Description { get; }

    public dynamic? Metadata { get; }

    /// <summary>Serialiser settings of this scenario; null: those given to WithMessages.</summary>
    public JsonSerializerOptions? JsonSettings { get; }

    /// <summary>Builds the message content.</summary>
    public dynamic? Invoke() => _factory().GetAwaiter().GetResult();

    internal Task<object?> InvokeAsync() => _factory();

    private static Func<Task<object?>> Wrap(Func<dynamic> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return () => Task.FromResult((object?)factory());
    }
}

/// <summary>The scenarios a verifier serves; built by <see cref="PactVerifier.WithMessages(Action{IMessageScenarios})"/>.</summary>
public class MessageScenarios : IMessageScenarios
{
    /// <summary>Metadata of a scenario added without a builder: its content is JSON.</summary>
    internal static readonly object JsonMetadata = new Dictionary<string, string> { ["contentType"] = "application/json" };

    private readonly Dictionary<string, Scenario> _scenarios = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Scenario> Scenarios => _scenarios;

    public IMessageScenarios Add(string description, Func<dynamic> factory) =>
        Add(new Scenario(description, factory, JsonMetadata, null));

    public IMessageScenarios Add(string description, Action<IMessageScenarioBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MessageScenarioBuilder(description);
        configure(builder);
        return Add(builder.Build());
    }

    public IMessageScenarios Add(string description, Func<IMessageScenarioBuilder, Task> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MessageScenarioBuilder(description);
        configure(builder).GetAwaiter().GetResult();
        return Add(builder.Build());
    }

    private MessageScenarios Add(Scenario scenario)
    {
        if (!_scenarios.TryAdd(scenario.Description, scenario))
        {
            throw new ArgumentException($"A message scenario '{scenario.Description}' was already added.", nameof(scenario));
        }

        return this;
    }
}

/// <summary>Builds one <see cref="Scenario"/>: PactNet's <c>MessageScenarioBuilder</c>.</summary>
public class MessageScenarioBuilder : IMessageScenarioBuilder
{
    private readonly string _description;
    private object? _metadata = MessageScenarios.JsonMetadata;
    private Func<Task<object?>>? _factory;
    private JsonSerializerOptions? _settings;

    public MessageScenarioBuilder(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        this._description = description;
    }

    public IMessageScenarioBuilder WithMetadata(dynamic metadata)
    {
        this._metadata = (object?)metadata;
        return this;
    }

    public void WithContent(Func<dynamic> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        this._factory = () => Task.FromResult((object?)factory());
    }

    public void WithContent(Func<dynamic> factory, JsonSerializerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WithContent(factory);
        this._settings = settings;
    }

    public Task WithContentAsync(Func<Task<dynamic>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        this._factory = async () => (object?)await factory();
        return Task.CompletedTask;
    }

    public Task WithContentAsync(Func<Task<dynamic>> factory, JsonSerializerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this._settings = settings;
        return WithContentAsync(factory);
    }

    /// <summary>The scenario, once content has been given.</summary>
    public Scenario Build() =>
        new(_description, _factory ?? throw new InvalidOperationException($"The message scenario '{_description}' has no content: call WithContent."), _metadata, _settings);
}
