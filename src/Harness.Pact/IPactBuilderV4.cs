using System.Net;
using System.Text.Json;
using Harness.Pact.Matchers;

namespace Harness.Pact;

/// <summary>
/// Builds HTTP interactions for one consumer/provider pair. Each <see cref="VerifyAsync"/> runs the interactions added
/// since the previous one against a fresh mock server and a fresh pact handle, then merges them into the pact file.
/// </summary>
public interface IPactBuilderV4 : IDisposable
{
    /// <summary>Starts a new interaction with the given description (unique per provider state within the pact).</summary>
    IRequestBuilderV4 UponReceiving(string description);

    /// <summary>Switches to V4 asynchronous messages for the same consumer, provider and settings.</summary>
    /// <exception cref="InvalidOperationException">HTTP interactions were already added to this builder.</exception>
    IMessagePactBuilderV4 WithMessageInteractions();

    /// <summary>
    /// Starts a mock server on 127.0.0.1 (free port) holding the interactions added so far, runs
    /// <paramref name="interact"/>, and then either writes the interactions to the pact file or throws
    /// <see cref="PactVerificationException"/> listing every mismatch. The mock server is always stopped.
    /// </summary>
    Task VerifyAsync(Func<IConsumerContext, Task> interact);
}

/// <summary>What a consumer test gets while the mock server runs.</summary>
public interface IConsumerContext
{
    /// <summary>Base address of the mock server, e.g. http://127.0.0.1:41234/.</summary>
    Uri MockServerUri { get; }
}

/// <summary>The request half of an HTTP interaction.</summary>
public interface IRequestBuilderV4
{
    IRequestBuilderV4 Given(string providerState);

    IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters);

    IRequestBuilderV4 Given(string providerState, IDictionary<string, object> parameters);

    IRequestBuilderV4 WithRequest(HttpMethod method, string path);

    /// <summary>A request whose path is matched by a matcher, e.g. <see cref="Match.Regex"/>.</summary>
    IRequestBuilderV4 WithRequest(HttpMethod method, Matcher path);

    /// <summary>Adds a query parameter; calling again with the same name adds another value.</summary>
    IRequestBuilderV4 WithQuery(string name, string value);

    IRequestBuilderV4 WithQuery(string name, Matcher value);

    /// <summary>Adds a header; names are case-insensitive, a second value under any spelling joins the first.</summary>
    IRequestBuilderV4 WithHeader(string name, string value);

    IRequestBuilderV4 WithHeader(string name, Matcher value);

    /// <summary>JSON body serialised with <see cref="PactConfig.DefaultJsonSettings"/>; may hold matchers.</summary>
    IRequestBuilderV4 WithJsonBody(object body);

    IRequestBuilderV4 WithJsonBody(object body, JsonSerializerOptions options);

    IRequestBuilderV4 WithBody(string body, string contentType);

    /// <summary>Binary body (e.g. a PDF) matched by its content type, the example answered as-is.</summary>
    IRequestBuilderV4 WithBody(byte[] body, string contentType);

    IResponseBuilderV4 WillRespond();
}

/// <summary>The response half of an HTTP interaction.</summary>
public interface IResponseBuilderV4
{
    IResponseBuilderV4 WithStatus(HttpStatusCode status);

    IResponseBuilderV4 WithStatus(int status);

    IResponseBuilderV4 WithHeader(string name, string value);

    IResponseBuilderV4 WithHeader(string name, Matcher value);

    IResponseBuilderV4 WithJsonBody(object body);

    IResponseBuilderV4 WithJsonBody(object body, JsonSerializerOptions options);

    IResponseBuilderV4 WithBody(string body, string contentType);

    /// <summary>Binary body (e.g. a PDF): the provider must answer the same content type; the example is answered as-is.</summary>
    IResponseBuilderV4 WithBody(byte[] body, string contentType);
}
