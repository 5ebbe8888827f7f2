using System.Reflection;
using Harness.Pact.Interop;

namespace Harness.Pact.Verifier;

/// <summary>
/// Verifies pacts against a running provider, through the engine's verifier. Configure a provider endpoint and at
/// least one source, then call <see cref="Verify"/> once. The verifier is blocking native code: <see cref="VerifyAsync"/>
/// runs it on the thread pool.
/// </summary>
public sealed class PactVerifier : IDisposable
{
    private readonly VerifierHandle handle;
    private readonly string providerName;
    private readonly string providerVersion;
    private bool hasEndpoint;
    private bool hasSource;
    private bool executed;

    /// <param name="providerName">The provider's name as the pacts spell it (e.g. hts-airlines-api).</param>
    /// <param name="providerVersion">The provider version verification results are published under.</param>
    public PactVerifier(string providerName, string providerVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerVersion);
        this.providerName = providerName;
        this.providerVersion = providerVersion;
        var binding = typeof(PactVerifier).Assembly.GetName();
        handle = VerifierHandle.Create(binding.Name ?? "Harness.Pact", binding.Version?.ToString() ?? "0.0.0");
        NativeMethods.VerifierSetColouredOutput(handle, 0);
    }

    /// <summary>The running provider, e.g. http://127.0.0.1:5123/ (a path becomes the base path of every request).</summary>
    public PactVerifier WithHttpEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The provider endpoint '{endpoint}' must be an absolute http or https URI.", nameof(endpoint));
        }

        NativeMethods.VerifierSetProviderInfo(handle, providerName, endpoint.Scheme, endpoint.Host, (ushort)endpoint.Port, endpoint.AbsolutePath);
        hasEndpoint = true;
        return this;
    }

    public PactVerifier WithFileSource(FileInfo pactFile)
    {
        ArgumentNullException.ThrowIfNull(pactFile);
        if (!pactFile.Exists)
        {
            throw new FileNotFoundException($"The pact file {pactFile.FullName} does not exist.", pactFile.FullName);
        }

        NativeMethods.VerifierAddFileSource(handle, pactFile.FullName);
        hasSource = true;
        return this;
    }

    /// <summary>Every pact in <paramref name="pactDirectory"/> whose provider is this provider.</summary>
    public PactVerifier WithDirectorySource(DirectoryInfo pactDirectory)
    {
        ArgumentNullException.ThrowIfNull(pactDirectory);
        if (!pactDirectory.Exists)
        {
            throw new DirectoryNotFoundException($"The pact directory {pactDirectory.FullName} does not exist.");
        }

        NativeMethods.VerifierAddDirectorySource(handle, pactDirectory.FullName);
        hasSource = true;
        return this;
    }

    /// <summary>Pacts for this provider from a Pact Broker, chosen by consumer version selectors.</summary>
    public PactVerifier WithPactBrokerSource(Uri brokerUri, Action<PactBrokerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(brokerUri);
        if (!brokerUri.IsAbsoluteUri)
        {
            throw new ArgumentException($"The broker address '{brokerUri}' must be absolute.", nameof(brokerUri));
        }

        var options = new PactBrokerOptions();
        configure?.Invoke(options);
        var selectors = options.Selectors.Count == 0 ? null : options.Selectors.ToArray();
        var tags = options.Tags.Count == 0 ? null : options.Tags.ToArray();
        NativeMethods.VerifierBrokerSourceWithSelectors(
            handle,
            brokerUri.ToString(),
            options.Username,
            options.Password,
            options.Token,
            options.Pending ? (byte)1 : (byte)0,
            options.WipSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            tags,
            (ushort)(tags?.Length ?? 0),
            options.Branch,
            selectors,
            (ushort)(selectors?.Length ?? 0),
            null,
            0);
        if (options.Publish is { } publish)
        {
            var publishTags = publish.Tags.Count == 0 ? null : publish.Tags.ToArray();
            // pact_ffi records a branch only from the publish options. Without the source's branch as the default,
            // results land on no branch, so the broker never sees that branch verify the pact and keeps it pending.
            var result = NativeMethods.VerifierSetPublishOptions(
                handle, providerVersion, publish.BuildUri?.ToString(), publishTags, (ushort)(publishTags?.Length ?? 0), publish.Branch ?? options.Branch);
            if (result != 0)
            {
                throw new PactException($"The Pact engine refused the publish options (pact_ffi error {result}).");
            }
        }

        hasSource = true;
        return this;
    }

    /// <summary>
    /// Where the verifier POSTs provider states ({"state", "params", "action"} as a JSON body) before each
    /// interaction, and after it too when <paramref name="teardown"/> is set. It also calls with an empty state: answer 200.
    /// </summary>
    public PactVerifier WithProviderStateUrl(Uri providerStateUrl, bool teardown = false)
    {
        ArgumentNullException.ThrowIfNull(providerStateUrl);
        if (!providerStateUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The provider state URL '{providerStateUrl}' must be absolute.", nameof(providerStateUrl));
        }

        NativeMethods.VerifierSetProviderState(handle, providerStateUrl.ToString(), teardown ? (byte)1 : (byte)0, 1);
        return this;
    }

    /// <summary>Only interactions whose description and/or provider state match these regular expressions.</summary>
    public PactVerifier WithFilter(string? description = null, string? providerState = null)
    {
        if (description is null && providerState is null)
        {
            throw new ArgumentException("A filter needs a description, a provider state, or both.", nameof(description));
        }

        NativeMethods.VerifierSetFilterInfo(handle, description, providerState, 0);
        return this;
    }

    public PactVerifier WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var result = NativeMethods.VerifierSetVerificationOptions(handle, 0, (ulong)timeout.TotalMilliseconds);
        return result == 0 ? this : throw new PactException($"The Pact engine refused the request timeout {timeout} (pact_ffi error {result}).");
    }

    /// <summary>Runs the verification.</summary>
    /// <returns>The verifier's output and JSON report.</returns>
    /// <exception cref="PactFailureException">An interaction failed, or the verifier could not run.</exception>
    public PactVerificationResult Verify()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        if (executed)
        {
            throw new InvalidOperationException("This verifier has already run; create a new PactVerifier to verify again.");
        }

        if (!hasEndpoint || !hasSource)
        {
            throw new InvalidOperationException(
                $"The verifier needs {(hasEndpoint ? string.Empty : "a provider endpoint (WithHttpEndpoint) ")}" +
                $"{(hasSource ? string.Empty : "a pact source (WithFileSource, WithDirectorySource or WithPactBrokerSource)")}before Verify.");
        }

        executed = true;
        var status = NativeMethods.VerifierExecute(handle);
        var result = new PactVerificationResult(
            NativeString.TakeOwned(NativeMethods.VerifierOutput(handle, 1)) ?? string.Empty,
            NativeString.TakeOwned(NativeMethods.VerifierJson(handle)));
        return status switch
        {
            0 => result,
            1 => throw new PactFailureException($"Pact verification of {providerName} failed:{Environment.NewLine}{result.Output}", result),
            _ => throw new PactFailureException($"The Pact verifier could not run (status {status}):{Environment.NewLine}{result.Output}", result),
        };
    }

    /// <inheritdoc cref="Verify"/>
    public Task<PactVerificationResult> VerifyAsync() => Task.Run(Verify);

    public void Dispose() => handle.Dispose();
}

/// <summary>What the verifier printed, and its JSON report.</summary>
public sealed record PactVerificationResult(string Output, string? Json);

/// <summary>The provider does not honour its pacts; the message is the verifier's output naming interaction and field.</summary>
public sealed class PactFailureException : PactException
{
    public PactFailureException()
    {
    }

    public PactFailureException(string message)
        : base(message)
    {
    }

    public PactFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal PactFailureException(string message, PactVerificationResult result)
        : base(message)
    {
        Result = result;
    }

    /// <summary>The verifier's output and JSON report.</summary>
    public PactVerificationResult? Result { get; }
}
