using System.Net;
using System.Text.Json;
using Harness.Pact.Exceptions;
using Harness.Pact.Matchers;

namespace Harness.Pact;

/// <summary>Runs the interactions added so far against a mock server: PactNet's <c>IPactBuilder</c>.</summary>
public interface IPactBuilder : IDisposable
{
    /// <summary>
    /// Starts a mock server holding the interactions added since the previous verification, runs
    /// <paramref name="interact"/>, and then either writes the interactions to the pact file or throws
    /// <see cref="PactVerificationException"/> (a <see cref="PactFailureException"/>) listing every mismatch. The mock
    /// server is always stopped.
    /// </summary>
    void Verify(Action<IConsumerContext> interact);

    /// <inheritdoc cref="Verify"/>
    Task VerifyAsync(Func<IConsumerContext, Task> interact);
}

/// <summary>
/// Builds HTTP interactions for one consumer/provider pair: PactNet's <c>IPactBuilderV4</c>. Each verification runs the
/// interactions added since the previous one against a fresh mock server and a fresh pact handle, then merges them into
/// the pact file.
/// </summary>
public interface IPactBuilderV4 : IPactBuilder
{
    /// <summary>Starts a new interaction with the given description (unique per provider state within the pact).</summary>
    IRequestBuilderV4 UponReceiving(string description);
}

/// <summary>What a consumer test gets while the mock server runs.</summary>
public interface IConsumerContext
{
    /// <summary>Base address of the mock server, e.g. http://127.0.0.1:41234/.</summary>
    Uri MockServerUri { get; }
}

/// <summary>The request half of an HTTP interaction: PactNet's <c>IRequestBuilderV4</c>.</summary>
public interface IRequestBuilderV4
{
    IRequestBuilderV4 Given(string providerState);

    /// <summary>
    /// A provider state with parameters. As in PactNet, a value that is valid JSON is recorded as that JSON
    /// (<c>"1"</c> becomes the number 1); anything else as a string.
    /// </summary>
    IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters);

    /// <summary>Harness: a provider state whose parameters are recorded with their own JSON types ("123" stays a string).</summary>
    IRequestBuilderV4 Given(string providerState, IDictionary<string, object> parameters);

    IRequestBuilderV4 WithRequest(HttpMethod method, string path);

    IRequestBuilderV4 WithRequest(string method, string path);

    /// <summary>Harness: a request whose path is matched by a matcher, e.g. <see cref="Match.Regex"/>.</summary>
    IRequestBuilderV4 WithRequest(HttpMethod method, IMatcher path);

    /// <summary>Adds a query parameter; calling again with the same key adds another value.</summary>
    IRequestBuilderV4 WithQuery(string key, string value);

    IRequestBuilderV4 WithQuery(string key, IMatcher matcher);

    /// <summary>Adds a header; names are case-insensitive, a second value under any spelling joins the first.</summary>
    IRequestBuilderV4 WithHeader(string key, string value);

    IRequestBuilderV4 WithHeader(string key, IMatcher matcher);

    /// <summary>JSON body serialised with <see cref="PactConfig.DefaultJsonSettings"/>; may hold matchers.</summary>
    IRequestBuilderV4 WithJsonBody(object body);

    /// <summary>JSON body sent with another content type (e.g. <c>application/merge-patch+json</c>).</summary>
    IRequestBuilderV4 WithJsonBody(object body, string contentType);

    IRequestBuilderV4 WithJsonBody(object body, JsonSerializerOptions settings);

    IRequestBuilderV4 WithJsonBody(object body, JsonSerializerOptions settings, string contentType);

    IRequestBuilderV4 WithBody(string body, string contentType);

    /// <summary>Harness: binary body (e.g. a PDF) matched by its content type, the example answered as-is.</summary>
    IRequestBuilderV4 WithBody(byte[] body, string contentType);

    IResponseBuilderV4 WillRespond();
}

/// <summary>The response half of an HTTP interaction: PactNet's <c>IResponseBuilderV4</c>.</summary>
public interface IResponseBuilderV4
{
    IResponseBuilderV4 WithStatus(HttpStatusCode status);

    IResponseBuilderV4 WithStatus(ushort status);

    /// <summary>Harness: the status as an int, so <c>WithStatus(201)</c> needs no cast.</summary>
    IResponseBuilderV4 WithStatus(int status);

    IResponseBuilderV4 WithHeader(string key, string value);

    IResponseBuilderV4 WithHeader(string key, IMatcher matcher);

    IResponseBuilderV4 WithJsonBody(object body);

    IResponseBuilderV4 WithJsonBody(object body, string contentType);

    IResponseBuilderV4 WithJsonBody(object body, JsonSerializerOptions settings);

    IResponseBuilderV4 WithJsonBody(object body, JsonSerializerOptions settings, string contentType);

    IResponseBuilderV4 WithBody(string body, string contentType);

    /// <summary>Harness: binary body (e.g. a PDF): the provider must answer the same content type; the example is answered as-is.</summary>
    IResponseBuilderV4 WithBody(byte[] body, string contentType);
}
