using System.Net;
using System.Text.Json;
using Harness.Pact.Interop;
using Harness.Pact.Matchers;

namespace Harness.Pact.Consumer;

/// <summary>Request and response builder of one HTTP interaction, writing each call straight into the engine.</summary>
internal sealed class HttpInteractionBuilder : IRequestBuilderV4, IResponseBuilderV4
{
    private readonly InteractionHandleValue _interaction;
    private readonly string _description;
    private readonly InteractionPartWriter _request;
    private readonly InteractionPartWriter _response;
    private readonly Dictionary<string, int> _queryValues = new(StringComparer.Ordinal);
    private bool _hasRequest;

    internal HttpInteractionBuilder(NativePact pact, string description, JsonSerializerOptions defaults)
    {
        _interaction = NativeMethods.NewInteraction(pact.Value, description);
        if (!_interaction.IsValid || !NativeMethods.UponReceiving(_interaction, description))
        {
            throw new PactException($"The Pact engine could not create interaction '{description}'.");
        }

        this._description = description;
        _request = new InteractionPartWriter(_interaction, InteractionPart.Request, description, defaults);
        _response = new InteractionPartWriter(_interaction, InteractionPart.Response, description, defaults);
    }

    public IRequestBuilderV4 Given(string providerState)
    {
        ProviderStates.Add(_interaction, _description, providerState);
        return this;
    }

    public IRequestBuilderV4 Given(string providerState, IDictionary<string, string> parameters)
    {
        ProviderStates.Add(_interaction, _description, providerState, parameters, _request.Defaults);
        return this;
    }

    public IRequestBuilderV4 Given(string providerState, IDictionary<string, object> parameters)
    {
        ProviderStates.Add(_interaction, _description, providerState, parameters, _request.Defaults);
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
        return Request(method, MatcherConverter.ToJson(path, _request.Defaults));
    }

    public IRequestBuilderV4 WithQuery(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _queryValues.TryGetValue(key, out var index);
        if (!NativeMethods.WithQueryParameter(_interaction, key, (nuint)index, value))
        {
            throw new PactException($"The Pact engine refused query parameter '{key}' of interaction '{_description}'.");
        }

        _queryValues[key] = index + 1;
        return this;
    }

    public IRequestBuilderV4 WithQuery(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return WithQuery(key, MatcherConverter.ToJson(matcher, _request.Defaults));
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string key, string value)
    {
        _request.Header(key, value);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _request.Header(key, matcher);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body)
    {
        _request.JsonBody(body, _request.Defaults);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, string contentType)
    {
        _request.JsonBody(body, _request.Defaults, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings)
    {
        _request.JsonBody(body, settings);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings, string contentType)
    {
        _request.JsonBody(body, settings, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithBody(string body, string contentType)
    {
        _request.Body(body, contentType);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithBody(byte[] body, string contentType)
    {
        _request.Body(body, contentType);
        return this;
    }

    public IResponseBuilderV4 WillRespond() =>
        _hasRequest
            ? this
            : throw new InvalidOperationException($"Interaction '{_description}' has no request: call WithRequest(...) before WillRespond().");

    public IResponseBuilderV4 WithStatus(HttpStatusCode status) => WithStatus((int)status);

    public IResponseBuilderV4 WithStatus(ushort status) => WithStatus((int)status);

    public IResponseBuilderV4 WithStatus(int status)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (!NativeMethods.ResponseStatus(_interaction, (ushort)status))
        {
            throw new PactException($"The Pact engine refused status {status} of interaction '{_description}'.");
        }

        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string key, string value)
    {
        _response.Header(key, value);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string key, IMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _response.Header(key, matcher);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body)
    {
        _response.JsonBody(body, _response.Defaults);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, string contentType)
    {
        _response.JsonBody(body, _response.Defaults, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings)
    {
        _response.JsonBody(body, settings);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, JsonSerializerOptions settings, string contentType)
    {
        _response.JsonBody(body, settings, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithBody(string body, string contentType)
    {
        _response.Body(body, contentType);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithBody(byte[] body, string contentType)
    {
        _response.Body(body, contentType);
        return this;
    }

    private HttpInteractionBuilder Request(HttpMethod method, string path)
    {
        if (!NativeMethods.WithRequest(_interaction, method.Method, path))
        {
            throw new PactException($"The Pact engine refused request {method} {path} of interaction '{_description}'.");
        }

        _hasRequest = true;
        return this;
    }
}
