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

    public IRequestBuilderV4 WithRequest(HttpMethod method, Matcher path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return Request(method, path.ToJson(request.Defaults));
    }

    public IRequestBuilderV4 WithQuery(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        queryValues.TryGetValue(name, out var index);
        if (!NativeMethods.WithQueryParameter(interaction, name, (nuint)index, value))
        {
            throw new PactException($"The Pact engine refused query parameter '{name}' of interaction '{description}'.");
        }

        queryValues[name] = index + 1;
        return this;
    }

    public IRequestBuilderV4 WithQuery(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WithQuery(name, value.ToJson(request.Defaults));
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string name, string value)
    {
        request.Header(name, value);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithHeader(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        request.Header(name, value);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body)
    {
        request.JsonBody(body, request.Defaults);
        return this;
    }

    IRequestBuilderV4 IRequestBuilderV4.WithJsonBody(object body, JsonSerializerOptions options)
    {
        request.JsonBody(body, options);
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

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string name, string value)
    {
        response.Header(name, value);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithHeader(string name, Matcher value)
    {
        ArgumentNullException.ThrowIfNull(value);
        response.Header(name, value);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body)
    {
        response.JsonBody(body, response.Defaults);
        return this;
    }

    IResponseBuilderV4 IResponseBuilderV4.WithJsonBody(object body, JsonSerializerOptions options)
    {
        response.JsonBody(body, options);
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
