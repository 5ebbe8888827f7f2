namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class AuthTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    public static TheoryData<string, string> ProtectedOperations => new()
    {
        { "POST", "events" },
        { "POST", "sessions" },
        { "POST", "cfar_offers" },
        { "POST", "cfar_offers/external" },
        { "POST", "cfar_contracts" },
        { "GET", "cfar_contracts/x" },
        { "PUT", "cfar_contracts/x/update_status" },
        { "PUT", "cfar_contracts/x/forms_of_payment" },
        { "POST", "cfar_contracts/x/payment" },
        { "PUT", "cfar_contracts/x/itinerary_slices" },
        { "POST", "cfar_contract_exercises" },
        { "PUT", "cfar_contract_exercises/x/mark_completed" },
        { "POST", "dg_offers" },
        { "POST", "dg_contracts" },
        { "GET", "dg_contracts/x" },
        { "POST", "dg_contracts/x/payment" },
        { "PUT", "dg_contracts/x/update_status" },
        { "PUT", "dg_contracts/x/itinerary_slices" },
        { "POST", "dg_contract_exercises" },
    };

    [Fact]
    public async Task PostAuth_KnownClient_Answers201WithOpaqueBearerToken()
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "auth",
            new JsonObject { ["client_id"] = "cfar-only", ["client_secret"] = "cfar-secret" }, token: null);

        reply.Status.Should().Be(HttpStatusCode.Created);
        var json = reply.Json!;
        ((string)json["access_token"]!).Should().MatchRegex("^[A-Za-z0-9_-]{40,}$");
        ((string)json["scope"]!).Should().Be("all:general all:cfar");
        ((int)json["expires_in"]!).Should().Be((int)(long)Harness.Spec.SpecDocument.AirlineApi.Schemas["auth_response"]!["example"]!["expires_in"]!, "the default is the spec's example, 86400");
        ((string)json["token_type"]!).Should().Be("Bearer");
        reply.Header("Expires").Should().BeNull("spec: the 201 of POST /auth declares no headers");
    }

    [Fact]
    public async Task PostAuth_TwoCalls_IssueDifferentTokens()
    {
        var first = await Api.TokenAsync(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);
        var second = await Api.TokenAsync(SandboxOptions.DefaultClientId, SandboxOptions.DefaultClientSecret);

        first.Should().NotBe(second);
    }

    [Theory]
    [InlineData("sandbox-client", "wrong-secret")]
    [InlineData("nobody", "sandbox-secret")]
    public async Task PostAuth_BadCredentials_Answers401WithoutBody(string clientId, string secret)
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "auth", new JsonObject { ["client_id"] = clientId, ["client_secret"] = secret }, token: null);

        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
        reply.Bytes.Should().BeEmpty();
    }

    [Fact]
    public async Task PostAuth_MissingSecret_Answers422NamingTheField()
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "auth", new JsonObject { ["client_id"] = "sandbox-client" }, token: null);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("client_secret");
    }

    [Fact]
    public async Task PostAuth_MalformedJson_Answers400BadRequestBody()
    {
        var reply = await Api.SendRawAsync(HttpMethod.Post, "auth", "{\"client_id\":", token: null);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)reply.Json!["errors"]![0]!["message"]!).Should().Contain("not valid JSON");
    }

    [Theory]
    [MemberData(nameof(ProtectedOperations))]
    public async Task ProtectedOperation_NoToken_Answers401(string method, string path)
    {
        var reply = await Api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new JsonObject(), token: null);

        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ProtectedOperations))]
    public async Task ProtectedOperation_ForgedToken_Answers401(string method, string path)
    {
        var reply = await Api.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new JsonObject(), token: Api.Token + "x");

        reply.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CfarOperation_TokenWithoutCfar_Answers403()
    {
        var token = await Api.TokenAsync("dg-only", "dg-secret");

        var reply = await Api.SendAsync(HttpMethod.Post, "cfar_offers", Bodies.OfferRequest("cfar"), token);

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DgOperation_TokenWithoutDg_Answers403()
    {
        var token = await Api.TokenAsync("cfar-only", "cfar-secret");

        var reply = await Api.SendAsync(HttpMethod.Post, "dg_offers", Bodies.OfferRequest("dg"), token);

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Sessions_TokenWithOneProduct_IsAllowed()
    {
        var token = await Api.TokenAsync("cfar-only", "cfar-secret");

        var reply = await Api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), token);

        reply.Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task UnauthenticatedOperations_NoToken_AreServed()
    {
        var exercise = await Api.GivenAsync(ProviderStates.DgExerciseExists);

        var session = await Api.SendAsync(HttpMethod.Get, $"customer/dg_exercises/{exercise["exercise_id"]}/session", null, token: null);

        session.Status.Should().Be(HttpStatusCode.OK);
        await Api.TeardownAsync();
    }
}
