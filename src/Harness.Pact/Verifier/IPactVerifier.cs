using System.Text.Json;
using Harness.Pact.Exceptions;
using Harness.Pact.Verifier.Messaging;

namespace Harness.Pact.Verifier;

/// <summary>A provider to verify and where its pacts come from: PactNet's <c>IPactVerifier</c>.</summary>
public interface IPactVerifier
{
    /// <summary>The running provider's HTTP address (a path becomes the base path of every request).</summary>
    IPactVerifier WithHttpEndpoint(Uri pactUri);

    /// <summary>The provider's asynchronous messages, served to the engine's verifier by description.</summary>
    IPactVerifier WithMessages(Action<IMessageScenarios> configure);

    /// <summary>The provider's asynchronous messages, serialised with <paramref name="settings"/>.</summary>
    IPactVerifier WithMessages(Action<IMessageScenarios> configure, JsonSerializerOptions settings);

    IPactVerifierSource WithFileSource(FileInfo pactFile);

    /// <summary>Every pact in <paramref name="directory"/> for this provider, only those of <paramref name="consumers"/> if any are given.</summary>
    IPactVerifierSource WithDirectorySource(DirectoryInfo directory, params string[] consumers);

    IPactVerifierSource WithUriSource(Uri pactUri);

    IPactVerifierSource WithUriSource(Uri pactUri, Action<IPactUriOptions> configure);

    IPactVerifierSource WithPactBrokerSource(Uri brokerBaseUri);

    IPactVerifierSource WithPactBrokerSource(Uri brokerBaseUri, Action<IPactBrokerOptions> configure);
}

/// <summary>A verifier with a pact source, ready to run: PactNet's <c>IPactVerifierSource</c>.</summary>
public interface IPactVerifierSource
{
    /// <summary>Where the verifier sets up provider states (POSTed as a JSON body) before each interaction.</summary>
    IPactVerifierSource WithProviderStateUrl(Uri providerStateUri);

    /// <summary>Provider states with options: teardown calls after each interaction, body or query style.</summary>
    IPactVerifierSource WithProviderStateUrl(Uri providerStateUri, Action<IProviderStateOptions> configure);

    /// <summary>Only interactions whose description and/or provider state match these regular expressions.</summary>
    IPactVerifierSource WithFilter(string? description = null, string? providerState = null);

    IPactVerifierSource WithRequestTimeout(TimeSpan timeout);

    /// <summary>Accept any TLS certificate from an https provider.</summary>
    IPactVerifierSource WithSslVerificationDisabled();

    /// <summary>A header added to every request the verifier sends to the provider (e.g. Authorization).</summary>
    IPactVerifierSource WithCustomHeader(string name, string value);

    /// <summary>Runs the verification.</summary>
    /// <exception cref="PactFailureException">An interaction failed, or the verifier could not run.</exception>
    void Verify();
}
