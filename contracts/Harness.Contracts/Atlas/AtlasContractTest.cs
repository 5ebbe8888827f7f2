namespace Harness.Contracts.Atlas;

/// <summary>
/// Base of the Atlas HTTP contract tests: one pact builder per test, an AtlasClient on the mock server, the credential
/// headers every call carries, and the failure interactions every endpoint shares (900, 100, 429).
/// </summary>
[Collection(AtlasContractsCollection.Name)]
public abstract class AtlasContractTest : IDisposable
{
    /// <summary>The Atlas sandbox's base path; pact paths carry it so the pact verifies against the sandbox as it is.</summary>
    public const string BasePath = "/atlas";

    /// <summary>The sandbox's public, documented test client (<see cref="SandboxCredentials"/>): never a real partner.</summary>
    public const string ClientId = SandboxCredentials.AtlasClientId;

    /// <summary>
    /// The sandbox's public, documented test secret: the only secret that may appear in a pact. The header is matched by
    /// <see cref="CredentialPattern"/>, so a provider check with a real secret still matches.
    /// </summary>
    public const string ClientSecret = SandboxCredentials.AtlasClientSecret;

    public const string CredentialPattern = @"^\S+$";

    /// <summary>An eventId no provider state creates.</summary>
    public const string UnknownEventId = "20991231235959999NOSUCH";

    /// <summary>What the request limit state answers in retryAfter (the sandbox's one-minute window).</summary>
    public const int RetryAfterSeconds = 60;

    protected static readonly DateTimeOffset Now = new(2024, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    protected AtlasContractTest(AtlasContractsFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
        Pact = fixture.NewPact();
        Fakers = new AtlasFakers(20240401, Now) { ClientId = ClientId };
    }

    protected AtlasContractsFixture Fixture { get; }

    protected IPactBuilderV4 Pact { get; }

    protected AtlasFakers Fakers { get; }

    public void Dispose()
    {
        Pact.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static ProviderState Incident(string eventId, string type) =>
        ProviderState.Of(AtlasProviderStates.IncidentExists, (AtlasProviderStateParams.EventId, eventId), (AtlasProviderStateParams.Type, type));

    /// <summary>A POST of <paramref name="body"/> (as matchers, <paramref name="pins"/> applied) to <paramref name="path"/> under the base path.</summary>
    protected IRequestBuilderV4 Expect(
        string description, string path, JsonNode body, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null, params ProviderState[] states)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = Pact.UponReceiving(description);
        foreach (var state in states)
        {
            request = state.Parameters.Count == 0
                ? request.Given(state.Name)
                : request.Given(state.Name, state.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }

        return request
            .WithRequest(HttpMethod.Post, BasePath + "/" + path)
            .WithHeader(AtlasClient.ClientIdHeader, Match.Regex(ClientId, CredentialPattern))
            .WithHeader(AtlasClient.ClientSecretHeader, Match.Regex(ClientSecret, CredentialPattern))
            .WithJsonBody(AtlasShapes.Like(body, pins)!);
    }

    /// <summary>Runs <paramref name="interact"/> with an AtlasClient on the mock server; the interactions then join the pact.</summary>
    protected async Task VerifyAsync(Func<AtlasClient, Task> interact, Func<HttpMessageHandler>? handler = null)
    {
        ArgumentNullException.ThrowIfNull(interact);
        await Pact.VerifyAsync(async context =>
        {
            using var messageHandler = handler?.Invoke();
            using var client = new AtlasClient(new AtlasClientOptions
            {
                BaseUrl = new Uri(context.MockServerUri, BasePath.TrimStart('/') + "/"),
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                HttpMessageHandler = messageHandler,
            });
            await interact(client);
        });
    }

    /// <summary>Status 900: the provider refuses the credentials; the client throws AtlasAuthorizationException.</summary>
    protected async Task ExpectUnauthorizedAsync(string what, string path, JsonNode body, Func<AtlasClient, Task> act, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null)
    {
        Expect($"{what} with credentials Atlas refuses", path, body, pins, ProviderState.Of(AtlasProviderStates.CredentialsInvalid))
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Answer(900, "Unauthorized access"));
        await VerifyAsync(async client =>
        {
            var failure = (await FluentActions.Awaiting(() => act(client)).Should().ThrowAsync<AtlasAuthorizationException>()).Which;
            failure.Status.Should().Be(AtlasStatus.UnauthorizedAccess);
            failure.Message.Should().NotContain(ClientSecret, "the secret never appears in exception messages");
        });
    }

    /// <summary>Status 100: <paramref name="dropped"/> is missing; the client throws AtlasRequestRejectedException.</summary>
    protected async Task ExpectMissingFieldAsync(string what, string path, JsonNode body, string dropped, Func<AtlasClient, Task> act, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null)
    {
        Expect($"{what} without {dropped}", path, DropFieldHandler.Drop(body, dropped), pins)
            .WillRespond()
            .WithStatus(200)
            .WithJsonBody(AtlasShapes.Answer(100, $"Missing required request data: {dropped}"));
        await VerifyAsync(
            async client =>
            {
                var failure = (await FluentActions.Awaiting(() => act(client)).Should().ThrowAsync<AtlasRequestRejectedException>()).Which;
                failure.Status.Should().Be(AtlasStatus.MissingRequiredData);
                failure.IsRetryable.Should().BeFalse();
            },
            () => new DropFieldHandler(dropped));
    }

    /// <summary>HTTP 429: the request limit is used up; the client throws AtlasRateLimitedException with RetryAfter.</summary>
    protected async Task ExpectRateLimitedAsync(string what, string path, JsonNode body, Func<AtlasClient, Task> act, IReadOnlyDictionary<string, Func<JsonNode, object>>? pins = null, params ProviderState[] states)
    {
        Expect($"{what} over the request limit", path, body, pins, [.. states, ProviderState.Of(AtlasProviderStates.RequestLimitExceeded)])
            .WillRespond()
            .WithStatus(429)
            .WithHeader("Retry-After", Match.Regex(RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), @"^\d+$"))
            .WithJsonBody(AtlasShapes.RateLimited(RetryAfterSeconds));
        await VerifyAsync(async client =>
        {
            var failure = (await FluentActions.Awaiting(() => act(client)).Should().ThrowAsync<AtlasRateLimitedException>()).Which;
            failure.Status.Should().Be(AtlasStatus.RateLimitExceeded);
            failure.RetryAfter.Should().Be(TimeSpan.FromSeconds(RetryAfterSeconds));
            failure.LimitType.Should().Be("ATLAS_QPS");
        });
    }
}
