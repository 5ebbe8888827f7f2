namespace Harness.Pact.Tests.Consumer;

public sealed class PactBuilderTests : ScratchPactTest
{
    [Fact]
    public async Task VerifyAsync_WhenInteractionHonoured_WritesV4PactFile()
    {
        using var pact = NewPact();
        pact.UponReceiving("a request for a CFAR contract")
            .Given("a confirmed CFAR contract exists", new Dictionary<string, object> { ["id"] = "123", ["currency"] = "USD" })
            .WithRequest(HttpMethod.Get, "/cfar_contracts/123")
            .WithHeader("Authorization", Match.Regex("Bearer abc", "^Bearer .+$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new { Id = "123", ContractStatus = "confirmed" });

        await pact.VerifyAsync(async context =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.MockServerUri, "cfar_contracts/123"));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer token-value");
            using var response = await Http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"contract_status\":\"confirmed\"");
        });

        var file = PactFile.Read(PactFilePath);
        file["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>().Should().Be("4.0");
        file["metadata"]!["pactRust"]!["ffi"]!.GetValue<string>().Should().Be("0.5.8");
        file["consumer"]!["name"]!.GetValue<string>().Should().Be(Consumer);
        file["provider"]!["name"]!.GetValue<string>().Should().Be(Provider);
        var interaction = PactFile.Interaction(file, "a request for a CFAR contract");
        interaction["type"]!.GetValue<string>().Should().Be("Synchronous/HTTP");
        var state = interaction["providerStates"]!.AsArray().Single()!;
        state["name"]!.GetValue<string>().Should().Be("a confirmed CFAR contract exists");
        state["params"]!["id"]!.GetValue<string>().Should().Be("123", "typed parameters keep their JSON type");
        state["params"]!["currency"]!.GetValue<string>().Should().Be("USD");
        interaction["response"]!["body"]!["content"]!["contract_status"]!.GetValue<string>().Should().Be("confirmed");
    }

    [Fact]
    public async Task VerifyAsync_WhenRequestMissing_ReportsMismatch()
    {
        using var pact = NewPact();
        pact.UponReceiving("a request for offers")
            .WithRequest(HttpMethod.Post, "/cfar_offers")
            .WillRespond()
            .WithStatus(201);

        var verify = () => pact.VerifyAsync(_ => Task.CompletedTask);

        var failure = (await verify.Should().ThrowAsync<PactVerificationException>()).Which;
        failure.Mismatches.Should().ContainSingle().Which.Should().Match<PactMismatch>(m =>
            m.Kind == "missing-request" && m.Method == "POST" && m.Path == "/cfar_offers");
        failure.Message.Should().Contain("Missing request: POST /cfar_offers");
        File.Exists(PactFilePath).Should().BeFalse("a failed verification writes no pact");
    }

    [Fact]
    public async Task VerifyAsync_WhenUnexpectedRequest_ReportsIt()
    {
        using var pact = NewPact();
        pact.UponReceiving("a request for a contract")
            .WithRequest(HttpMethod.Get, "/cfar_contracts/1")
            .WillRespond()
            .WithStatus(200);

        var verify = () => pact.VerifyAsync(async context =>
        {
            using var expected = await Http.GetAsync(new Uri(context.MockServerUri, "cfar_contracts/1"));
            using var unexpected = await Http.DeleteAsync(new Uri(context.MockServerUri, "sessions/9"));
        });

        var failure = (await verify.Should().ThrowAsync<PactVerificationException>()).Which;
        failure.Mismatches.Should().ContainSingle(m => m.Kind == "request-not-found")
            .Which.Should().Match<PactMismatch>(m => m.Method == "DELETE" && m.Path == "/sessions/9");
        failure.Message.Should().Contain("Unexpected request: DELETE /sessions/9");
    }

    [Fact]
    public async Task VerifyAsync_WhenBodyDiffers_ReportsFieldPathExpectedAndActual()
    {
        using var pact = NewPact();
        pact.UponReceiving("a contract creation")
            .WithRequest(HttpMethod.Post, "/cfar_contracts")
            .WithJsonBody(new { OfferIds = new[] { "offer-1" }, Currency = "USD" })
            .WillRespond()
            .WithStatus(201);

        var verify = () => pact.VerifyAsync(async context =>
        {
            using var response = await Http.PostAsJsonAsync(
                new Uri(context.MockServerUri, "cfar_contracts"), new { offer_ids = new[] { "offer-1" }, currency = "EUR" });
        });

        var failure = (await verify.Should().ThrowAsync<PactVerificationException>()).Which;
        var mismatch = failure.Mismatches.Should().ContainSingle().Which;
        mismatch.Kind.Should().Be("request-mismatch");
        mismatch.Details.Should().ContainSingle(d => d.Kind == "BodyMismatch")
            .Which.Should().Match<PactMismatchDetail>(d => d.Location == "$.currency" && d.Expected!.Contains("USD") && d.Actual!.Contains("EUR"));
        failure.Message.Should().Contain("Request differs: POST /cfar_contracts").And.Contain("$.currency");
    }

    [Fact]
    public async Task VerifyAsync_WhenTestThrowsWithoutMismatch_RethrowsTestFailure()
    {
        using var pact = NewPact();
        pact.UponReceiving("a status read")
            .WithRequest(HttpMethod.Get, "/cfar_contracts/2")
            .WillRespond()
            .WithStatus(200);

        var verify = () => pact.VerifyAsync(async context =>
        {
            using var response = await Http.GetAsync(new Uri(context.MockServerUri, "cfar_contracts/2"));
            throw new InvalidOperationException("client could not parse the answer");
        });

        await verify.Should().ThrowAsync<InvalidOperationException>().WithMessage("client could not parse the answer");
    }

    [Fact]
    public async Task VerifyAsync_CalledTwice_UsesFreshPactHandleEachTime()
    {
        using var pact = NewPact();
        pact.UponReceiving("first").WithRequest(HttpMethod.Get, "/first").WillRespond().WithStatus(200);
        await pact.VerifyAsync(async context => (await Http.GetAsync(new Uri(context.MockServerUri, "first"))).Dispose());

        pact.UponReceiving("second").WithRequest(HttpMethod.Get, "/second").WillRespond().WithStatus(200);

        // Had the first handle been reused, its mock server would also expect /first and report it missing.
        await pact.VerifyAsync(async context => (await Http.GetAsync(new Uri(context.MockServerUri, "second"))).Dispose());
        PactFile.Read(PactFilePath)["interactions"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task VerifyAsync_TwoBuildersSameFile_MergesInteractions()
    {
        using (var first = NewPact())
        {
            first.UponReceiving("a session creation").WithRequest(HttpMethod.Post, "/sessions").WillRespond().WithStatus(201);
            await first.VerifyAsync(async context => (await Http.PostAsync(new Uri(context.MockServerUri, "sessions"), null)).Dispose());
        }

        using var second = NewPact();
        second.UponReceiving("an offers request").WithRequest(HttpMethod.Post, "/cfar_offers").WillRespond().WithStatus(201);
        await second.VerifyAsync(async context => (await Http.PostAsync(new Uri(context.MockServerUri, "cfar_offers"), null)).Dispose());

        var descriptions = PactFile.Read(PactFilePath)["interactions"]!.AsArray()
            .Select(interaction => (string?)interaction!["description"]);
        descriptions.Should().BeEquivalentTo("a session creation", "an offers request");
    }

    [Fact]
    public async Task VerifyAsync_ParallelBuildersSameFile_KeepsEveryInteraction()
    {
        var runs = Enumerable.Range(0, 8).Select(async index =>
        {
            using var pact = NewPact();
            pact.UponReceiving($"parallel request {index}").WithRequest(HttpMethod.Get, $"/events/{index}").WillRespond().WithStatus(200);
            await pact.VerifyAsync(async context => (await Http.GetAsync(new Uri(context.MockServerUri, $"events/{index}"))).Dispose());
        });

        await Task.WhenAll(runs);

        PactFile.Read(PactFilePath)["interactions"]!.AsArray().Should().HaveCount(8);
    }

    [Fact]
    public async Task VerifyAsync_BinaryPdfResponse_RoundTripsBytes()
    {
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        using var pact = NewPact();
        pact.UponReceiving("a payout receipt")
            .WithRequest(HttpMethod.Get, "/customer/cfar/payout/receipt")
            .WillRespond()
            .WithStatus(200)
            .WithBody(pdf, "application/pdf");

        byte[]? received = null;
        string? contentType = null;
        await pact.VerifyAsync(async context =>
        {
            using var response = await Http.GetAsync(new Uri(context.MockServerUri, "customer/cfar/payout/receipt"));
            received = await response.Content.ReadAsByteArrayAsync();
            contentType = response.Content.Headers.ContentType?.MediaType;
        });

        received.Should().Equal(pdf);
        contentType.Should().Be("application/pdf");
        var body = PactFile.Interaction(PactFile.Read(PactFilePath), "a payout receipt")["response"]!["body"]!;
        body["encoded"]!.GetValue<string>().Should().Be("base64");
        Convert.FromBase64String(body["content"]!.GetValue<string>()).Should().Equal(pdf);
    }

    [Fact]
    public async Task WithHeader_SameNameDifferentCase_RecordsOneHeaderReadableByClient()
    {
        using var pact = NewPact();
        pact.UponReceiving("a request with a correlation id")
            .WithRequest(HttpMethod.Get, "/cfar_contracts/3")
            .WithHeader("X-Correlation-Id", "c-1")
            .WillRespond()
            .WithStatus(200)
            .WithHeader("content-type", "application/json; charset=utf-8")
            .WithJsonBody(new { Id = "3" })
            .WithHeader("X-Request-Id", "r-1")
            .WithHeader("x-request-id", "r-2");

        string[]? requestIds = null;
        await pact.VerifyAsync(async context =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.MockServerUri, "cfar_contracts/3"));
            request.Headers.Add("x-correlation-id", "c-1");
            using var response = await Http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            requestIds = response.Headers.TryGetValues("X-Request-Id", out var values) ? [.. values] : null;
        });

        requestIds.Should().NotBeNull("the mock server answers lower-cased names and the client must still find them");
        string.Join(",", requestIds!).Should().Contain("r-1").And.Contain("r-2");
        var headers = PactFile.Interaction(PactFile.Read(PactFilePath), "a request with a correlation id")["response"]!["headers"]!.AsObject();
        headers.Select(pair => pair.Key).Should().BeEquivalentTo("Content-Type", "X-Request-Id");
        headers["Content-Type"]!.AsArray().Select(v => (string?)v).Should().Equal("application/json; charset=utf-8");
        headers["X-Request-Id"]!.AsArray().Select(v => (string?)v).Should().Equal("r-1", "r-2");
    }

    [Fact]
    public async Task VerifyAsync_WithoutInteractions_ThrowsClearError()
    {
        using var pact = NewPact();

        var verify = () => pact.VerifyAsync(_ => Task.CompletedTask);

        await verify.Should().ThrowAsync<InvalidOperationException>().WithMessage("*UponReceiving*");
    }

    [Fact]
    public void WillRespond_WithoutRequest_ThrowsNamingInteraction()
    {
        using var pact = NewPact();

        var respond = () => pact.UponReceiving("an incomplete interaction").WillRespond();

        respond.Should().Throw<InvalidOperationException>().WithMessage("*an incomplete interaction*WithRequest*");
    }
}
