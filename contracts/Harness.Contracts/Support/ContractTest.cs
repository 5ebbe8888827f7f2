namespace Harness.Contracts.Support;

/// <summary>Who calls: nobody authenticated, a client holding the pact's token, or one whose token the provider refuses.</summary>
public enum Caller
{
    Anonymous,
    WithValidToken,
    WithUnknownToken,
}

/// <summary>One request of an interaction: method, path under the base path, and the JSON body if any.</summary>
public sealed record ApiCall(HttpMethod Method, string Path, JsonNode? Body = null);

/// <summary>
/// Base of every contract test: one pact builder per test, a client pointed at the mock server, the auth exchange the
/// client performs before any protected call, and the error interactions every protected operation shares.
/// </summary>
[Collection(ContractsCollection.Name)]
public abstract class ContractTest : IDisposable
{
    /// <summary>An obviously fake bearer token; the provider accepts it through the "a valid token exists" state.</summary>
    public const string Token = "contract-test-token";

    /// <summary>
    /// The Authorization example of the 401 interactions. The verifier replays examples, and a provider may still hold
    /// <see cref="Token"/> from an earlier interaction's state, so the refused token must be one no state ever registers.
    /// </summary>
    public const string UnknownToken = "unknown-contract-test-token";

    /// <summary>The spec's base path, where the sandbox serves the API; pact paths carry it so the pacts verify against the sandbox as they are.</summary>
    public const string BasePath = AirlineOperations.BasePath;

    public const string AuthDescription = "a request for an access token";

    /// <summary>The HC-Session-ID of the unknown-session interactions (<see cref="ExpectUnknownSessionAsync"/>).</summary>
    public const string UnknownSessionId = "no-such-session";

    private bool _tokenExpected;

    protected ContractTest(ContractsFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Pact = fixture.NewPact();
        Fakers = new AirlineFakers(StandardTrip.Seed, StandardTrip.Now);
        Trip = TripData.Standard();
        Cases = new OperationCases(Fakers, Trip);
    }

    protected ContractsFixture Fixture { get; }

    protected IPactBuilderV4 Pact { get; }

    protected AirlineFakers Fakers { get; }

    protected Trip Trip { get; }

    /// <summary>Every operation's example request on these fakers (<see cref="OperationCases"/>).</summary>
    protected OperationCases Cases { get; }

    public void Dispose()
    {
        Pact.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The body exactly as the client serialises it (declared type, so union members carry their "type").</summary>
    public static JsonNode Json<T>(T value) => JsonNode.Parse(AirlineJson.Serialize(value))!;

    protected static ProviderState State(string name, params (string Name, string Value)[] parameters) => ProviderState.Of(name, parameters);

    /// <summary>
    /// A successful call of a protected operation: a valid token and <paramref name="states"/>, answered with
    /// <paramref name="status"/> and the spec's cache headers (<see cref="Shapes.WithCacheHeaders"/>); the body follows.
    /// </summary>
    protected IResponseBuilderV4 ExpectSuccess(string description, ApiCall call, int status, params ProviderState[] states) =>
        Expect(description, call, Caller.WithValidToken, states).WillRespond().WithStatus(status).WithCacheHeaders();

    /// <summary>
    /// Starts an interaction. Protected callers first get the postAuth interaction (the client authenticates before its
    /// first call) and send <c>Authorization: Bearer …</c>, matched by regex so any token satisfies the provider.
    /// </summary>
    protected IRequestBuilderV4 Expect(string description, ApiCall call, Caller caller, params ProviderState[] states)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (caller != Caller.Anonymous)
        {
            ExpectAuthentication();
        }

        var request = Pact.UponReceiving(description);
        if (caller == Caller.WithValidToken)
        {
            request = request.Given(ProviderStates.ValidTokenExists, new Dictionary<string, string> { [ProviderStateParams.Token] = Token });
        }

        foreach (var state in states)
        {
            request = state.Parameters.Count == 0
                ? request.Given(state.Name)
                : request.Given(state.Name, state.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }

        request = request.WithRequest(call.Method, BasePath + call.Path);
        if (caller != Caller.Anonymous)
        {
            var example = "Bearer " + (caller == Caller.WithUnknownToken ? UnknownToken : Token);
            request = request.WithHeader("Authorization", Match.Regex(example, "^Bearer .+$"));
        }

        return call.Body is null ? request : request.WithJsonBody(call.Body);
    }

    /// <summary>Runs <paramref name="interact"/> with a client on the mock server; the interactions then join the pact.</summary>
    protected async Task VerifyAsync(
        Func<AirlineApiClient, Task> interact, string clientSecret = SandboxCredentials.ClientSecret, Func<HttpMessageHandler>? handler = null)
    {
        ArgumentNullException.ThrowIfNull(interact);
        await Pact.VerifyAsync(async context =>
        {
            using var messageHandler = handler?.Invoke();
            using var client = new AirlineApiClient(new AirlineApiOptions
            {
                BaseUrl = new Uri(context.MockServerUri, BasePath.TrimStart('/') + "/"),
                ClientId = SandboxCredentials.ClientId,
                ClientSecret = clientSecret,
                HttpMessageHandler = messageHandler,
            });
            await interact(client);
        });
    }

    /// <summary>
    /// Runs <paramref name="call"/> on the mock server and checks what every success shares (the status, the cache headers
    /// surfaced, see <see cref="ShouldSurfaceCacheHeaders"/>; the <c>HTS-Session-ID</c> surfaced when the interaction sends
    /// one, see <see cref="Shapes.WithHtsSessionId"/>), then the body with <paramref name="body"/>.
    /// </summary>
    protected Task VerifySuccessAsync<T>(Func<AirlineApiClient, Task<ApiResponse<T>>> call, int status, Action<T> body, string? htsSessionId = null) =>
        VerifyAsync(async client =>
        {
            var response = await call(client);
            response.StatusCode.Should().Be(status);
            ShouldSurfaceCacheHeaders(response);
            if (htsSessionId is not null)
            {
                response.HtsSessionId.Should().Be(htsSessionId);
            }

            body(response.RequiredBody);
        });

    /// <summary>The call must throw <see cref="AirlineApiException"/> with <paramref name="status"/>.</summary>
    protected static async Task<AirlineApiException> ShouldFailAsync(Func<Task> call, int status)
    {
        var failure = (await call.Should().ThrowAsync<AirlineApiException>()).Which;
        failure.StatusCode.Should().Be(status);
        return failure;
    }

    /// <summary>The client surfaces the spec's required success headers as the provider sent them (<see cref="Shapes.WithCacheHeaders"/>).</summary>
    protected static void ShouldSurfaceCacheHeaders(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Expires.Should().Be(Shapes.ExpiresExample);
        response.CacheControl.Should().Be(Shapes.CacheControlExample);
    }

    /// <summary>401: the provider does not know the token (no "a valid token exists" state).</summary>
    protected async Task ExpectUnauthorizedAsync(string what, ApiCall call, Func<AirlineApiClient, Task> act)
    {
        Expect($"{what} with an unknown token", call, Caller.WithUnknownToken).WillRespond().WithStatus(401);
        await VerifyAsync(async client =>
        {
            var failure = await ShouldFailAsync(() => act(client), 401);
            failure.Errors.Should().BeEmpty("a 401 has no body");
        });
    }

    /// <summary>403: the token is valid, but the client's contract does not cover the product.</summary>
    protected async Task ExpectForbiddenAsync(string what, string product, ApiCall call, Func<AirlineApiClient, Task> act)
    {
        Expect($"{what} from a client without the {product} product", call, Caller.WithValidToken, State(ProviderStates.ClientLacksProduct, (ProviderStateParams.Product, product)))
            .WillRespond()
            .WithStatus(403);
        await VerifyAsync(async client => await ShouldFailAsync(() => act(client), 403));
    }

    /// <summary>404: the id in the path names nothing.</summary>
    protected async Task ExpectNotFoundAsync(string what, ApiCall call, Func<AirlineApiClient, Task> act, Caller caller = Caller.WithValidToken)
    {
        Expect($"{what} for an unknown id", call, caller).WillRespond().WithStatus(404);
        await VerifyAsync(async client => await ShouldFailAsync(() => act(client), 404));
    }

    /// <summary>
    /// 422 unknown_session: the call is sent in <see cref="UnknownSessionId"/>, an HC-Session-ID no session has; the same case
    /// on every operation that takes one. <paramref name="message"/> is the provider's wording for the operation.
    /// </summary>
    protected async Task ExpectUnknownSessionAsync(
        string description, ApiCall call, Func<AirlineApiClient, Task> act, string message = $"HC-Session-ID '{UnknownSessionId}' is not a known session.")
    {
        Expect(description, call, Caller.WithValidToken)
            .WithHeader(AirlineApiClient.HcSessionIdHeader, UnknownSessionId)
            .WillRespond()
            .WithStatus(422)
            .WithJsonBody(Shapes.Errors("unknown_session", message));
        await VerifyAsync(async client =>
        {
            var failure = await ShouldFailAsync(() => act(client), 422);
            failure.Errors[0].Code.Should().Be("unknown_session");
        });
    }

    /// <summary>422 (or 400) with the spec's error body; the client must surface the first error's code.</summary>
    protected async Task ExpectErrorAsync(
        string description, int status, string code, string message, ApiCall call, Func<AirlineApiClient, Task> act,
        Caller caller = Caller.WithValidToken, params ProviderState[] states)
    {
        Expect(description, call, caller, states).WillRespond().WithStatus(status).WithJsonBody(Shapes.Errors(code, message));
        await VerifyAsync(async client =>
        {
            var failure = await ShouldFailAsync(() => act(client), status);
            failure.Errors.Should().NotBeEmpty();
            failure.Errors[0].Code.Should().Be(code);
            failure.Errors[0].Message.Should().Be(message);
        });
    }

    /// <summary>
    /// 400 with the spec's bad_request body: <paramref name="property"/> arrives as a number where the spec declares
    /// <paramref name="declaredType"/> (a wrong JSON type is the provider's 400; rule-breaking values are its 422).
    /// </summary>
    protected async Task ExpectBadRequestAsync(
        string what, ApiCall call, string property, string declaredType, Func<AirlineApiClient, Task> act, Caller caller = Caller.WithValidToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var corrupted = call with { Body = WrongTypeHandler.Corrupt(call.Body ?? throw new ArgumentException("A 400 interaction needs a body.", nameof(call)), property) };
        var message = $"{property} must be of type {declaredType}, not number.";
        Expect($"{what} with a wrongly typed {property}", corrupted, caller)
            .WillRespond()
            .WithStatus(400)
            .WithJsonBody(Shapes.Errors("invalid_type", message));
        await VerifyAsync(
            async client =>
            {
                var failure = await ShouldFailAsync(() => act(client), 400);
                failure.Errors.Should().NotBeEmpty();
                failure.Errors[0].Code.Should().Be("invalid_type");
                failure.Errors[0].Message.Should().Be(message);
            },
            handler: () => new WrongTypeHandler(BasePath + call.Path, property));
    }

    /// <summary>The "validated but not performed" 204: the client reports NotPerformed and no body.</summary>
    protected async Task ExpectNotPerformedAsync(OperationCase example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var states = example.NotPerformedStates ?? throw new ArgumentException($"{example.Operation} declares no \"validated but not performed\" 204.", nameof(example));
        var operationId = State(ProviderStates.OperationAnswers204, (ProviderStateParams.OperationId, example.Operation.OperationId));
        ExpectSuccess($"{example.Description} that is validated but not performed", example.Call, 204, [.. states, operationId]);
        await VerifyAsync(async client =>
        {
            var result = await example.Run(client);
            result.Response.StatusCode.Should().Be(204);
            result.Response.NotPerformed.Should().BeTrue();
            result.Body.Should().BeNull();
            ShouldSurfaceCacheHeaders(result.Response);
        });
    }

    protected void ExpectAuthentication()
    {
        if (_tokenExpected)
        {
            return;
        }

        _tokenExpected = true;
        Pact.UponReceiving(AuthDescription)
            .WithRequest(HttpMethod.Post, BasePath + AirlineOperations.PostAuth.PathTemplate)
            .WithJsonBody(Json(new AuthRequest { ClientId = SandboxCredentials.ClientId, ClientSecret = SandboxCredentials.ClientSecret }))
            .WillRespond()
            .WithStatus(201)
            .WithJsonBody(AuthResponseShape());
    }

    protected static object AuthResponseShape() => new
    {
        AccessToken = Match.Type(Token),
        Scope = Match.Type("all:general all:cfar all:dg"),
        // The spec's example (auth_response), which the sandbox answers by default.
        ExpiresIn = Match.Integer(86400),
        TokenType = Match.Equality("Bearer"),
    };
}
