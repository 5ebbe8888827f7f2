using System.Text.Json;
using Harness.Pact.Exceptions;
using Harness.Pact.Interop;
using Harness.Pact.Verifier.Messaging;

namespace Harness.Pact.Verifier;

/// <summary>
/// Verifies pacts against a running provider, through the engine's verifier: PactNet's <c>PactVerifier</c>, member for
/// member (<see cref="IPactVerifier"/>, <see cref="IPactVerifierSource"/>), plus Harness additions: a provider version
/// given up front, the verifier's report returned by <see cref="Verify"/>, and <see cref="VerifyAsync"/>. Configure an
/// HTTP endpoint and/or messages and at least one source, then verify once. Every method returns this verifier, so all
/// members stay in reach while chaining.
/// </summary>
public sealed class PactVerifier : IPactVerifier, IPactVerifierSource, IDisposable
{
    private const ulong DefaultRequestTimeoutMs = 5000;

    private readonly VerifierHandle _handle;
    private readonly string _providerName;
    private readonly string? _providerVersion;
    private readonly PactVerifierConfig _config;
    private MessageServer? _messages;
    private bool _hasEndpoint;
    private bool _hasSource;
    private bool _executed;
    private bool _sslVerificationDisabled;
    private ulong _requestTimeoutMs = DefaultRequestTimeoutMs;

    /// <param name="provider">The provider's name as the pacts spell it.</param>
    public PactVerifier(string provider)
        : this(provider, new PactVerifierConfig())
    {
    }

    /// <param name="provider">The provider's name as the pacts spell it.</param>
    /// <param name="config">Log level and outputters.</param>
    public PactVerifier(string provider, PactVerifierConfig config)
        : this(provider, null, config)
    {
    }

    /// <summary>Harness: a verifier whose results, when published, go under <paramref name="providerVersion"/>.</summary>
    /// <param name="providerName">The provider's name as the pacts spell it (e.g. hts-airlines-api).</param>
    /// <param name="providerVersion">The provider version verification results are published under.</param>
    public PactVerifier(string providerName, string providerVersion)
        : this(providerName, providerVersion, new PactVerifierConfig())
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerVersion);
    }

    private PactVerifier(string providerName, string? providerVersion, PactVerifierConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(config);
        this._providerName = providerName;
        this._providerVersion = providerVersion;
        this._config = config;
        NativeLogging.EnsureConfigured(config.LogLevel);
        var binding = typeof(PactVerifier).Assembly.GetName();
        _handle = VerifierHandle.Create(binding.Name ?? "Harness.Pact", binding.Version?.ToString() ?? "0.0.0");
        NativeMethods.VerifierSetColouredOutput(_handle, 0);
    }

    /// <summary>The running provider, e.g. http://127.0.0.1:5123/ (a path becomes the base path of every request).</summary>
    public PactVerifier WithHttpEndpoint(Uri pactUri)
    {
        ArgumentNullException.ThrowIfNull(pactUri);
        if (!pactUri.IsAbsoluteUri || (pactUri.Scheme != Uri.UriSchemeHttp && pactUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The provider endpoint '{pactUri}' must be an absolute http or https URI.", nameof(pactUri));
        }

        NativeMethods.VerifierSetProviderInfo(_handle, _providerName, pactUri.Scheme, pactUri.Host, (ushort)pactUri.Port, pactUri.AbsolutePath);
        _hasEndpoint = true;
        return this;
    }

    /// <summary>
    /// The provider's asynchronous messages: the verifier asks for each message interaction by description (after its
    /// provider states are set up) and compares the scenario's content and metadata with the pact.
    /// </summary>
    public PactVerifier WithMessages(Action<IMessageScenarios> configure) => WithMessages(configure, new JsonSerializerOptions());

    /// <inheritdoc cref="WithMessages(Action{IMessageScenarios})"/>
    /// <param name="configure">Adds the scenarios.</param>
    /// <param name="settings">How message content and metadata are serialised (unless a scenario has its own).</param>
    public PactVerifier WithMessages(Action<IMessageScenarios> configure, JsonSerializerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(settings);
        if (_messages is not null)
        {
            throw new InvalidOperationException("WithMessages was already called on this verifier; add every scenario in one call.");
        }

        var scenarios = new MessageScenarios();
        configure(scenarios);
        _messages = MessageServer.Start(scenarios.Scenarios, settings);
        return this;
    }

    public PactVerifier WithFileSource(FileInfo pactFile)
    {
        ArgumentNullException.ThrowIfNull(pactFile);
        if (!pactFile.Exists)
        {
            throw new FileNotFoundException($"The pact file {pactFile.FullName} does not exist.", pactFile.FullName);
        }

        NativeMethods.VerifierAddFileSource(_handle, pactFile.FullName);
        _hasSource = true;
        return this;
    }

    /// <summary>
    /// Every pact in <paramref name="directory"/> whose provider is this provider; when <paramref name="consumers"/> are
    /// given, only theirs (the consumer filter applies to every source of this verifier).
    /// </summary>
    public PactVerifier WithDirectorySource(DirectoryInfo directory, params string[] consumers)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(consumers);
        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"The pact directory {directory.FullName} does not exist.");
        }

        NativeMethods.VerifierAddDirectorySource(_handle, directory.FullName);
        if (consumers.Length > 0)
        {
            NativeMethods.VerifierSetConsumerFilters(_handle, consumers, (ushort)consumers.Length);
        }

        _hasSource = true;
        return this;
    }

    /// <summary>The options of a URI source (pact URL, broker) as <paramref name="configure"/> sets them, once the URI is checked absolute.</summary>
    private static TOptions SourceOptions<TOptions>(Uri uri, string what, string parameterName, Action<TOptions> configure)
        where TOptions : new()
    {
        ArgumentNullException.ThrowIfNull(uri, parameterName);
        ArgumentNullException.ThrowIfNull(configure);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"{what} '{uri}' must be absolute.", parameterName);
        }

        var options = new TOptions();
        configure(options);
        return options;
    }

    /// <summary>A pact fetched from <paramref name="pactUri"/> (e.g. a broker's pact URL from a webhook).</summary>
    public PactVerifier WithUriSource(Uri pactUri) => WithUriSource(pactUri, _ => { });

    /// <inheritdoc cref="WithUriSource(Uri)"/>
    public PactVerifier WithUriSource(Uri pactUri, Action<IPactUriOptions> configure)
    {
        var options = SourceOptions<PactUriOptions>(pactUri, "The pact URI", nameof(pactUri), configure);
        NativeMethods.VerifierUrlSource(_handle, pactUri.ToString(), options.Username, options.Password, options.Token);
        if (options.Publish is { } publish)
        {
            SetPublishOptions(publish, sourceBranch: null);
        }

        _hasSource = true;
        return this;
    }

    /// <summary>Pacts for this provider from a Pact Broker, chosen by consumer version selectors.</summary>
    public PactVerifier WithPactBrokerSource(Uri brokerBaseUri) => WithPactBrokerSource(brokerBaseUri, _ => { });

    /// <summary>
    /// Pacts for this provider from a Pact Broker. <paramref name="configure"/> sees every member of
    /// <see cref="IPactBrokerOptions"/> and Harness's additions (<see cref="PactBrokerOptions"/>).
    /// </summary>
    public PactVerifier WithPactBrokerSource(Uri brokerBaseUri, Action<PactBrokerOptions> configure)
    {
        var options = SourceOptions<PactBrokerOptions>(brokerBaseUri, "The broker address", nameof(brokerBaseUri), configure);
        var selectors = options.Selectors.Count == 0 ? null : options.Selectors.ToArray();
        var tags = options.Tags.Count == 0 ? null : options.Tags.ToArray();
        var consumerTags = options.ConsumerVersionTags.Count == 0 ? null : options.ConsumerVersionTags.ToArray();
        NativeMethods.VerifierBrokerSourceWithSelectors(
            _handle,
            brokerBaseUri.ToString(),
            options.Username,
            options.Password,
            options.Token,
            options.Pending ? (byte)1 : (byte)0,
            options.WipSinceText,
            tags,
            (ushort)(tags?.Length ?? 0),
            options.Branch,
            selectors,
            (ushort)(selectors?.Length ?? 0),
            consumerTags,
            (ushort)(consumerTags?.Length ?? 0));
        if (options.Publish is { } publish)
        {
            SetPublishOptions(publish, options.Branch);
        }

        _hasSource = true;
        return this;
    }

    /// <summary>Where the verifier POSTs provider states (<c>{"state", "params", "action"}</c>) before each interaction.</summary>
    public PactVerifier WithProviderStateUrl(Uri providerStateUri) => WithProviderStateUrl(providerStateUri, _ => { });

    /// <summary>Provider states with options: teardown calls after each interaction, body (default) or query style.</summary>
    public PactVerifier WithProviderStateUrl(Uri providerStateUri, Action<IProviderStateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ProviderStateOptions();
        configure(options);
        return SetProviderStateUrl(providerStateUri, options.Teardown, options.Style);
    }

    /// <summary>
    /// Harness: provider states in a JSON body, and after each interaction too when <paramref name="teardown"/> is set.
    /// The verifier also calls with an empty state: answer 200.
    /// </summary>
    public PactVerifier WithProviderStateUrl(Uri providerStateUri, bool teardown = false) =>
        SetProviderStateUrl(providerStateUri, teardown, ProviderStateStyle.Body);

    /// <summary>Only interactions whose description and/or provider state match these regular expressions.</summary>
    public PactVerifier WithFilter(string? description = null, string? providerState = null)
    {
        if (description is null && providerState is null)
        {
            throw new ArgumentException("A filter needs a description, a provider state, or both.", nameof(description));
        }

        NativeMethods.VerifierSetFilterInfo(_handle, description, providerState, 0);
        return this;
    }

    public PactVerifier WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _requestTimeoutMs = (ulong)timeout.TotalMilliseconds;
        return SetVerificationOptions();
    }

    /// <summary>Accept any TLS certificate from an https provider (e.g. a self-signed test certificate).</summary>
    public PactVerifier WithSslVerificationDisabled()
    {
        _sslVerificationDisabled = true;
        return SetVerificationOptions();
    }

    /// <summary>A header added to every request the verifier sends to the provider, e.g. an Authorization header.</summary>
    public PactVerifier WithCustomHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        NativeMethods.VerifierAddCustomHeader(_handle, name, value);
        return this;
    }

    /// <summary>Runs the verification and writes the verifier's report to the config's outputters.</summary>
    /// <returns>Harness: the verifier's output and JSON report.</returns>
    /// <exception cref="PactFailureException">An interaction failed, or the verifier could not run.</exception>
    public PactVerificationResult Verify()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (_executed)
        {
            throw new InvalidOperationException("This verifier has already run; create a new PactVerifier to verify again.");
        }

        var hasProvider = _hasEndpoint || _messages is not null;
        if (!hasProvider || !_hasSource)
        {
            throw new InvalidOperationException(
                $"The verifier needs {(hasProvider ? string.Empty : "a provider (WithHttpEndpoint and/or WithMessages) ")}" +
                $"{(_hasSource ? string.Empty : "a pact source (WithFileSource, WithDirectorySource, WithUriSource or WithPactBrokerSource)")}before Verify.");
        }

        _executed = true;
        if (_messages is not null)
        {
            if (!_hasEndpoint)
            {
                NativeMethods.VerifierSetProviderInfo(_handle, _providerName, "http", "127.0.0.1", (ushort)_messages.Port, MessageServer.BasePath);
            }

            NativeMethods.VerifierAddProviderTransport(_handle, "message", (ushort)_messages.Port, MessageServer.BasePath, "http");
        }

        var status = NativeMethods.VerifierExecute(_handle);
        var output = NativeString.TakeOwned(NativeMethods.VerifierOutput(_handle, 1)) ?? string.Empty;
        if (_messages?.Problems.IsEmpty == false)
        {
            // The engine only sees a 404 or 500 body it takes for the message; say what really went wrong.
            output += Environment.NewLine + "Message scenarios:" + Environment.NewLine + string.Join(Environment.NewLine, _messages.Problems.Distinct().Select(problem => "  - " + problem));
        }

        var result = new PactVerificationResult(output, NativeString.TakeOwned(NativeMethods.VerifierJson(_handle)));
        if (_config.LogLevel != PactLogLevel.None)
        {
            _config.WriteLine(result.Output);
        }

        return status switch
        {
            0 => result,
            1 => throw new PactFailureException($"Pact verification of {_providerName} failed:{Environment.NewLine}{result.Output}", result),
            _ => throw new PactFailureException($"The Pact verifier could not run (status {status}):{Environment.NewLine}{result.Output}", result),
        };
    }

    /// <summary>Harness: <see cref="Verify"/> on the thread pool (the engine's verifier is blocking native code).</summary>
    public Task<PactVerificationResult> VerifyAsync() => Task.Run(Verify);

    public void Dispose()
    {
        _messages?.Dispose();
        _handle.Dispose();
    }

    IPactVerifier IPactVerifier.WithHttpEndpoint(Uri pactUri) => WithHttpEndpoint(pactUri);

    IPactVerifier IPactVerifier.WithMessages(Action<IMessageScenarios> configure) => WithMessages(configure);

    IPactVerifier IPactVerifier.WithMessages(Action<IMessageScenarios> configure, JsonSerializerOptions settings) => WithMessages(configure, settings);

    IPactVerifierSource IPactVerifier.WithFileSource(FileInfo pactFile) => WithFileSource(pactFile);

    IPactVerifierSource IPactVerifier.WithDirectorySource(DirectoryInfo directory, params string[] consumers) => WithDirectorySource(directory, consumers);

    IPactVerifierSource IPactVerifier.WithUriSource(Uri pactUri) => WithUriSource(pactUri);

    IPactVerifierSource IPactVerifier.WithUriSource(Uri pactUri, Action<IPactUriOptions> configure) => WithUriSource(pactUri, configure);

    IPactVerifierSource IPactVerifier.WithPactBrokerSource(Uri brokerBaseUri) => WithPactBrokerSource(brokerBaseUri);

    IPactVerifierSource IPactVerifier.WithPactBrokerSource(Uri brokerBaseUri, Action<IPactBrokerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return WithPactBrokerSource(brokerBaseUri, options => configure(options));
    }

    IPactVerifierSource IPactVerifierSource.WithProviderStateUrl(Uri providerStateUri) => WithProviderStateUrl(providerStateUri);

    IPactVerifierSource IPactVerifierSource.WithProviderStateUrl(Uri providerStateUri, Action<IProviderStateOptions> configure) =>
        WithProviderStateUrl(providerStateUri, configure);

    IPactVerifierSource IPactVerifierSource.WithFilter(string? description, string? providerState) => WithFilter(description, providerState);

    IPactVerifierSource IPactVerifierSource.WithRequestTimeout(TimeSpan timeout) => WithRequestTimeout(timeout);

    IPactVerifierSource IPactVerifierSource.WithSslVerificationDisabled() => WithSslVerificationDisabled();

    IPactVerifierSource IPactVerifierSource.WithCustomHeader(string name, string value) => WithCustomHeader(name, value);

    void IPactVerifierSource.Verify() => Verify();

    private PactVerifier SetProviderStateUrl(Uri providerStateUri, bool teardown, ProviderStateStyle style)
    {
        ArgumentNullException.ThrowIfNull(providerStateUri);
        if (!providerStateUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The provider state URL '{providerStateUri}' must be absolute.", nameof(providerStateUri));
        }

        NativeMethods.VerifierSetProviderState(
            _handle, providerStateUri.ToString(), teardown ? (byte)1 : (byte)0, style == ProviderStateStyle.Body ? (byte)1 : (byte)0);
        return this;
    }

    private PactVerifier SetVerificationOptions()
    {
        var result = NativeMethods.VerifierSetVerificationOptions(_handle, _sslVerificationDisabled ? (byte)1 : (byte)0, _requestTimeoutMs);
        return result == 0 ? this : throw new PactException($"The Pact engine refused the verification options (pact_ffi error {result}).");
    }

    private void SetPublishOptions(PactPublishOptions publish, string? sourceBranch)
    {
        var version = publish.Version ?? _providerVersion ?? throw new InvalidOperationException(
            "Publishing results needs a provider version: use PublishResults(providerVersion, ...) or new PactVerifier(provider, providerVersion).");
        var publishTags = publish.Tags.Count == 0 ? null : publish.Tags.ToArray();

        // pact_ffi records a branch only from the publish options. Without the source's branch as the default,
        // results land on no branch, so the broker never sees that branch verify the pact and keeps it pending.
        var result = NativeMethods.VerifierSetPublishOptions(
            _handle, version, publish.Build?.ToString(), publishTags, (ushort)(publishTags?.Length ?? 0), publish.Branch ?? sourceBranch);
        if (result != 0)
        {
            throw new PactException($"The Pact engine refused the publish options (pact_ffi error {result}).");
        }
    }
}

/// <summary>Harness: what the verifier printed, and its JSON report.</summary>
public sealed record PactVerificationResult(string Output, string? Json);
