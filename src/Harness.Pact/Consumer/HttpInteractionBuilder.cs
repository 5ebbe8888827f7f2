using System.Net;
using System.Text.Json;
using Harness.Pact.Interop;
using Harness.Pact.Matchers;

namespace Harness.Pact.Consumer;

/// <summary>Request and response builder of one HTTP interaction, writing each call straight into the engine.</summary>
internal sealed class HttpInteractionBuilder : IRequestBuilderV4, IResponseBuilderV4
{
    private readonly InteractionHandleValue interaction;
    private readonly string description;
    private readonly InteractionPartWriter request;
    private readonly InteractionPartWriter response;
    private readonly Dictionary<string, int> queryValues = new(StringComparer.Ordinal);
    private bool hasRequest;

    internal HttpInteractionBuilder(NativePact pact, string description, JsonSerializerOptions defaults)
    {
        interaction = NativeMethods.NewInteraction(pact.Value, description);
        if (!interaction.IsValid || !NativeMethods.UponReceiving(interaction, description))
        {
            throw new PactException($"The Pact engine could not create interaction '{description}'.");
        }

        this.description = description;
        request = new InteractionPartWriter(interaction, InteractionPart.Request, description, defaults);
        response = new InteractionPartWriter(interaction, InteractionPart.Response, description, defaults);
    }

    public IRequestBuilderV4 Given(string providerState)
    {
        ProviderStates.Add(interaction, description, providerState);
        return this;
    }

    public IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters)
    {
        ProviderStates.Add(interaction, description, providerState, parameters, request.Defaults);
        return this;
    }

    public IRequestBuilderV4 Given(string providerState, IDictionary<string, object> parameters)
    {
        ProviderStates.Add(interaction, description, providerState, parameters, request.Defaults);
        return this;
    }

    public IRequestBuilderV4 WithRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The request path '{path}' must start with '/'.", nameof(path));
        }

        return Request(method, path);
    }

    public IRequestBuilderV4 WithRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return WithRequest(new HttpMethod(method), path);
    }

    public IRequestBuilderV4 WithRequest(HttpMethod method, IMatcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return Request(method, MatcherConverter.ToJson(path, request.Defaults));
    }

    public IRequestBuilderV4 WithQuery(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        queryValues.TryGetValue(key, out var index);
        if (!NativeMethods.WithQueryParameter(interaction, key, (nuint)index, value))
        {
            throw new PactException($"The Pact engine refused query parameter '{key}' of interaction '{description}'.");
        }

        queryValues[key] = index + 1;
        return this;
    }

    public IRequestBuilderV4 WithQuery(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return WithQuery(key, MatcherConverter.ToJson(matcher, request.Defaults));
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string key, string value)
    {
        request.Header(key, value);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        request.Header(key, matcher);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body)
    {
        request.JsonBody(body, request.Defaults);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, string contentType)
    {
        request.JsonBody(body, request.Defaults, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings)
    {
        request.JsonBody(body, settings);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings, string contentType)
    {
        request.JsonBody(body, settings, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithBody(string body, string contentType)
    {
        request.Body(body, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithBody(byte[] body, string contentType)
    {
        request.Body(body, contentType);
        return this;
    }

    public IResponseBuilderV4 WillRespond() =>
        hasRequest
            ? this
            : throw new InvalidOperationException($"Interaction '{description}' has no request: call WithRequest(...) before WillRespond().");

    public IResponseBuilderV4 WithStatus(HttpStatusCode status) => WithStatus((int)status);

    public IResponseBuilderV4 WithStatus(ushort status) => WithStatus((int)status);

    public IResponseBuilderV4 WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (!NativeMethods.ResponseStatus(interaction, (ushort)status))
        {
            throw new PactException($"The Pact engine refused status {status} of interaction '{description}'.");
        }

        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string key, string value)
    {
        response.Header(key, value);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        response.Header(key, matcher);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body)
    {
        response.JsonBody(body, response.Defaults);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, string contentType)
    {
        response.JsonBody(body, response.Defaults, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings)
    {
        response.JsonBody(body, settings);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings, string contentType)
    {
        response.JsonBody(body, settings, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithBody(string body, string contentType)
    {
        response.Body(body, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithBody(byte[] body, string contentType)
    {
        response.Body(body, contentType);
        return this;
    }

    private HttpInteractionBuilder Request(HttpMethod method, string path)
    {
        if (!NativeMethods.WithRequest(interaction, method.Method, path))
        {
            throw new PactException($"The Pact engine refused request {method} {path} of interaction '{description}'.");
        }

        hasRequest = true;
        return this;
    }
}
