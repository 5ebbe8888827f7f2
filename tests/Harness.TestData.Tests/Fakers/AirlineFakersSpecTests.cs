using Harness.ApiFacts;
using Harness.Client;

namespace Harness.TestData.Tests.Fakers;

public class AirlineFakersSpecTests
{
    private static readonly DateTimeOffset FixedNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> OperationsWithBodies() => new(FakerCases.ByOperationId.Keys);

    [Fact]
    public void Cases_CoverEveryOperationWithARequestBody()
    {
        var withBodies = AirlineOperations.All.Select(o => o.OperationId)
            .Where(id => SpecDocument.AirlineApi.Operation(id)["requestBody"] is not null);

        FakerCases.ByOperationId.Keys.Should().BeEquivalentTo(withBodies);
    }

    [Theory]
    [MemberData(nameof(OperationsWithBodies))]
    public void Faker_Generating1000Requests_AllValidateAgainstTheSpecAndRoundTrip(string operationId)
    {
        var fakers = new AirlineFakers(seed: operationId.Length * 7919, FixedNow);
        var schema = SpecDocument.AirlineApi.RequestBodySchema(operationId);
        var failures = new List<string>();

        for (var i = 0; i < 1000 && failures.Count < 5; i++)
        {
            var body = FakerCases.ByOperationId[operationId](fakers);

            // Each sample validated once per strictness: the cross validator's verdict holds our SchemaValidator's
            // issues (the strict ones must be none) and JsonSchema.Net's, the independent second validator, which must
            // agree at both strictness levels.
            foreach (var cross in CrossValidator.AirlineApi)
            {
                var verdict = cross.Check(body, schema);
                if (cross.Strictness == SchemaStrictness.Strict && !verdict.OursValid)
                {
                    failures.Add($"#{i}: {string.Join("; ", verdict.Ours)}\n{body.ToJsonString()}");
                }

                if (!verdict.Agree)
                {
                    failures.Add($"{operationId} request #{i} ({cross.Strictness}): {verdict}\n{body.ToJsonString()}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData("form_of_payment")]
    [InlineData("device")]
    [InlineData("platform")]
    [InlineData("operating_system")]
    [InlineData("browser")]
    [InlineData("channel")]
    [InlineData("event")]
    public void Faker_Over1000Draws_ProducesEveryUnionMember(string union)
    {
        var fakers = new AirlineFakers(17, FixedNow);
        var members = SpecDocument.AirlineApi.Schema(union)["discriminator"]!["mapping"]!.AsObject().Select(m => m.Key);
        var seen = new HashSet<string>();

        for (var i = 0; i < 1000; i++)
        {
            var json = union switch
            {
                "form_of_payment" => JsonNode.Parse(AirlineJson.Serialize(fakers.FormsOfPayment(fakers.Trip())))!.AsArray().Select(n => n!),
                "device" => [JsonNode.Parse(AirlineJson.Serialize(fakers.Device()))!],
                "platform" => [JsonNode.Parse(AirlineJson.Serialize(fakers.Platform()))!],
                "operating_system" => [JsonNode.Parse(AirlineJson.Serialize(fakers.OperatingSystem()))!],
                "browser" => [JsonNode.Parse(AirlineJson.Serialize(fakers.Browser()))!],
                "channel" => [JsonNode.Parse(AirlineJson.Serialize(fakers.Channel()))!],
                _ => new[] { JsonNode.Parse(AirlineJson.Serialize(fakers.Event()))! },
            };
            foreach (var node in json)
            {
                SchemaValidator.AirlineApiStrict.Validate(node, union).Should().BeEmpty();
                CrossValidator.AirlineApiStrict.Compare($"{union} draw #{i}", node, SpecDocument.AirlineApi.Schema(union)).Should().BeNull();
                seen.Add((string)node["type"]!);
            }
        }

        seen.Should().BeEquivalentTo(members);
    }

    [Fact]
    public void CreateAirlineSessionRequest_Over1000Draws_ProducesBothFlowsAndEveryProduct()
    {
        var fakers = new AirlineFakers(5, FixedNow);
        var sessions = Enumerable.Range(0, 1000).Select(_ => fakers.CreateAirlineSessionRequest()).ToList();

        sessions.Select(s => s.FlowType).Distinct().Should().HaveCount(2);
        sessions.Where(s => s.Product is not null).Select(s => s.Product).Distinct().Should().HaveCount(3);
        sessions.Select(s => s.Device?.GetType()).Distinct().Should().HaveCount(4, "desktop, mobile, tablet or none");
    }
}
