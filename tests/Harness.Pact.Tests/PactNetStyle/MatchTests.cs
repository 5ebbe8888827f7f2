namespace Harness.Pact.Tests.PactNetStyle;

/// <summary>PactNet's Match set beyond the basics: each overload's integration JSON, and the rules the engine records.</summary>
public sealed class MatchTests : ScratchPacts
{
    private static readonly DateTime Moment = new(2024, 5, 1, 10, 15, 30, DateTimeKind.Utc);
    [Theory]
    [MemberData(nameof(Overloads))]
    public void Match_EveryOverload_WritesPactNetsIntegrationJson(IMatcher matcher, string expected)
    {
        JsonSerializer.Serialize(matcher).Should().Be(expected);
    }

    public static TheoryData<IMatcher, string> Overloads() => new()
    {
        { Match.Integer(3), """{"pact:matcher:type":"integer","value":3}""" },
        { Match.Integer(3L), """{"pact:matcher:type":"integer","value":3}""" },
        { Match.Decimal(1.5), """{"pact:matcher:type":"decimal","value":1.5}""" },
        { Match.Decimal(1.5f), """{"pact:matcher:type":"decimal","value":1.5}""" },
        { Match.Decimal(1.5m), """{"pact:matcher:type":"decimal","value":1.5}""" },
        { Match.Number(2), """{"pact:matcher:type":"number","value":2}""" },
        { Match.Number(2.5), """{"pact:matcher:type":"number","value":2.5}""" },
        { Match.Number(2.5f), """{"pact:matcher:type":"number","value":2.5}""" },
        { Match.Number(2.5m), """{"pact:matcher:type":"number","value":2.5}""" },
        { Match.MaxType("a", 2), """{"pact:matcher:type":"type","value":["a"],"max":2}""" },
        { Match.MinMaxType("a", 2, 3), """{"pact:matcher:type":"type","value":["a","a"],"min":2,"max":3}""" },
        { Match.Timestamp(Moment, "yyyy-MM-dd HH:mm:ss"), """{"pact:matcher:type":"timestamp","value":"2024-05-01 10:15:30","format":"yyyy-MM-dd HH:mm:ss"}""" },
        { Match.Date(Moment), """{"pact:matcher:type":"date","value":"2024-05-01","format":"yyyy-MM-dd"}""" },
        { Match.Time(Moment), """{"pact:matcher:type":"time","value":"10:15:30","format":"HH:mm:ss"}""" },
        { new ArrayContainsMatcher(["a", Match.Integer(1)]), """{"pact:matcher:type":"array-contains","variants":["a",{"pact:matcher:type":"integer","value":1}]}""" },
    };

    [Fact]
    public void MinMaxType_WithMaxBelowMin_ThrowsNamingMax()
    {
        var build = () => Match.MinMaxType("a", 3, 2);

        build.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("max");
    }

    [Fact]
    public async Task DateTimeAndArrayMatchers_ThroughTheMockServer_BecomeTheEnginesRules()
    {
        using var pact = Pact.V4("orders-consumer", "orders-api", new PactConfig { PactDir = Pacts.Path, Outputters = [] }).WithHttpInteractions();
        pact.UponReceiving("a request for an order's history")
            .WithRequest(HttpMethod.Get, "/api/orders/1/history")
            .WillRespond()
            .WithStatus(HttpStatusCode.OK)
            .WithJsonBody(new
            {
                at = Match.Timestamp(Moment, "yyyy-MM-dd'T'HH:mm:ss"),
                day = Match.Date(Moment),
                time = Match.Time(Moment),
                boxes = Match.MinMaxType(new { size = Match.Integer(1) }, 1, 4),
                events = new ArrayContainsMatcher([new { kind = "created" }]),
            });

        await pact.VerifyAsync(async ctx => (await Http.GetAsync(new Uri(ctx.MockServerUri, "api/orders/1/history"))).Dispose());

        var rules = PactFile.Interaction(PactFile.Read(Pacts.PactFile("orders-consumer", "orders-api")), "a request for an order's history")
            ["response"]!["matchingRules"]!["body"]!;
        rules["$.at"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("datetime", "the engine records timestamps as datetime");
        rules["$.day"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("date");
        rules["$.time"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("time");
        rules["$.boxes"]!["matchers"]![0]!["max"]!.GetValue<int>().Should().Be(4);
        rules["$.events"]!["matchers"]![0]!["match"]!.GetValue<string>().Should().Be("arrayContains");
    }
}
