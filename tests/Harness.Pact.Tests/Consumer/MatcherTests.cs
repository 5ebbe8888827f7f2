namespace Harness.Pact.Tests.Consumer;

public sealed class MatcherTests : ScratchPactTest
{
    [Fact]
    public async Task VerifyAsync_WithEveryMatcherKind_WritesMatchingRules()
    {
        using var pact = NewPact();
        pact.UponReceiving("a contract with every matcher")
            .WithRequest(HttpMethod.Get, Match.Regex("/cfar_contracts/abc-1", "^/cfar_contracts/[a-z0-9-]+$"))
            .WithQuery("currency", Match.Regex("USD", "^[A-Z]{3}$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithHeader("X-Request-Id", Match.Type("r-1"))
            .WithJsonBody(new
            {
                Id = Match.Type("abc-1"),
                Slices = Match.MinType(new { Origin = "YUL", Destination = Match.Regex("LHR", "^[A-Z]{3}$") }, 1),
                Passengers = Match.Integer(2),
                Premium = Match.Decimal(40.80m),
                Coverage = Match.Number(80),
                Currency = Match.Equality("USD"),
                CancelledAt = Match.Null(),
                Message = Match.Include("confirmed"),
                CreatedAt = Match.DateTime("2024-05-01T10:15:00Z"),
                ExpiresAt = Match.DateTime("2024-05-02T10:15:00+02:00", "yyyy-MM-dd'T'HH:mm:ssXXX"),
            });

        string? body = null;
        await pact.VerifyAsync(async context =>
        {
            using var response = await Http.GetAsync(new Uri(context.MockServerUri, "cfar_contracts/xyz-9?currency=EUR"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            body = await response.Content.ReadAsStringAsync();
        });

        JsonNode.Parse(body!)!["slices"]![0]!["origin"]!.GetValue<string>().Should().Be("YUL", "the example travels with its naming policy");
        var interaction = PactFile.Interaction(PactFile.Read(PactFilePath), "a contract with every matcher");
        var request = interaction["request"]!["matchingRules"]!;
        Rule(request["path"]!)["match"]!.GetValue<string>().Should().Be("regex");
        Rule(request["query"]!["currency"]!)["regex"]!.GetValue<string>().Should().Be("^[A-Z]{3}$");
        var response = interaction["response"]!["matchingRules"]!;
        Rule(response["header"]!["X-Request-Id"]!)["match"]!.GetValue<string>().Should().Be("type");
        var bodyRules = response["body"]!;
        Rule(bodyRules["$.id"]!)["match"]!.GetValue<string>().Should().Be("type");
        Rule(bodyRules["$.slices"]!)["min"]!.GetValue<int>().Should().Be(1);
        Rule(bodyRules["$.slices[*].destination"]!)["match"]!.GetValue<string>().Should().Be("regex");
        Rule(bodyRules["$.passengers"]!)["match"]!.GetValue<string>().Should().Be("integer");
        Rule(bodyRules["$.premium"]!)["match"]!.GetValue<string>().Should().Be("decimal");
        Rule(bodyRules["$.coverage"]!)["match"]!.GetValue<string>().Should().Be("number");
        Rule(bodyRules["$.currency"]!)["match"]!.GetValue<string>().Should().Be("equality");
        Rule(bodyRules["$.cancelled_at"]!)["match"]!.GetValue<string>().Should().Be("null");
        Rule(bodyRules["$.message"]!)["value"]!.GetValue<string>().Should().Be("confirmed");
        Rule(bodyRules["$.created_at"]!)["regex"]!.GetValue<string>().Should().Be(Match.Rfc3339Pattern);
        Rule(bodyRules["$.expires_at"]!)["format"]!.GetValue<string>().Should().Be("yyyy-MM-dd'T'HH:mm:ssXXX");
    }

    [Fact]
    public async Task VerifyAsync_WithRegexInEveryPart_WritesTypeAndRegexCombined()
    {
        using var pact = NewPact();
        pact.UponReceiving("regexes everywhere")
            .WithRequest(HttpMethod.Get, Match.Regex("/cfar_contracts/abc-1", "^/cfar_contracts/[a-z0-9-]+$"))
            .WithQuery("currency", Match.Regex("USD", "^[A-Z]{3}$"))
            .WithHeader("X-Trace", Match.Regex("t-1", "^t-[0-9]+$"))
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithHeader("X-Expires", Match.Regex("x-1", "^x-[0-9]$"))
            .WithJsonBody(new { Coverage = Match.Regex("400.00", @"^\d+(\.\d+)?$") });

        string? body = null;
        await pact.VerifyAsync(async context =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(context.MockServerUri, "cfar_contracts/xyz-9?currency=EUR"));
            request.Headers.Add("X-Trace", "t-42");
            using var response = await Http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.GetValues("X-Expires").Should().Equal("x-1");
            body = await response.Content.ReadAsStringAsync();
        });

        JsonNode.Parse(body!)!["coverage"]!.GetValue<string>().Should().Be("400.00");
        var interaction = PactFile.Interaction(PactFile.Read(PactFilePath), "regexes everywhere");
        var request = interaction["request"]!["matchingRules"]!;
        var response = interaction["response"]!["matchingRules"]!;
        foreach (var rule in new[] { request["path"]!, request["query"]!["currency"]!, request["header"]!["X-Trace"]!, response["header"]!["X-Expires"]!, response["body"]!["$.coverage"]! })
        {
            rule["combine"]!.GetValue<string>().Should().Be("AND");
            rule["matchers"]!.AsArray().Select(m => m!["match"]!.GetValue<string>()).Should().Equal("regex", "type");
        }
    }

    [Fact]
    public async Task Verify_WhenAStringRegexMeetsANumber_Fails()
    {
        using var pact = NewPact();
        pact.UponReceiving("a read of a contract")
            .WithRequest(HttpMethod.Get, "/cfar_contracts/c-7")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new { ContractStatus = Match.Regex("400.00", @"^\d+(\.\d+)?$") });
        await pact.VerifyAsync(async context => (await Http.GetAsync(new Uri(context.MockServerUri, "cfar_contracts/c-7"))).Dispose());
        await using var provider = await TestProvider.StartAsync(contractStatusValue: 400.00m);
        using var verifier = new Harness.Pact.Verifier.PactVerifier("hts-airlines-api", "1.0.0")
            .WithHttpEndpoint(provider.BaseUri)
            .WithFileSource(new FileInfo(PactFilePath));

        var verify = () => verifier.Verify();

        verify.Should().Throw<Harness.Pact.Exceptions.PactFailureException>().WithMessage("*contract_status*");
    }

    [Fact]
    public void Regex_WhenExampleDoesNotMatch_ThrowsNamingBoth()
    {
        var build = () => Match.Regex("usd", "^[A-Z]{3}$");

        build.Should().Throw<ArgumentException>().WithMessage("*'usd'*'^[A-Z]{3}$'*");
    }

    [Fact]
    public void Rfc3339_WhenExampleIsNotRfc3339_Throws()
    {
        var build = () => Match.DateTime("01/05/2024 10:15");

        build.Should().Throw<ArgumentException>().WithMessage("*01/05/2024 10:15*");
    }

    [Fact]
    public void ToJson_UsesIntegrationFormatAndCallerNamingPolicy()
    {
        var json = JsonNode.Parse(Match.Type(new { OfferId = "o-1" }).ToJson(SnakeCase))!;

        json["pact:matcher:type"]!.GetValue<string>().Should().Be("type");
        json["value"]!["offer_id"]!.GetValue<string>().Should().Be("o-1");
    }

    [Fact]
    public void MinType_WithNegativeMinimum_Throws()
    {
        var build = () => Match.MinType("x", -1);

        build.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static JsonNode Rule(JsonNode category) => category["matchers"]![0]!;
}
