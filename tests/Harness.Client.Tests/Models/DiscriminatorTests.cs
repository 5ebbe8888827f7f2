using System.Text.Json;
using System.Text.Json.Nodes;
using Harness.Client.Models;
using Harness.Client.Serialization;
using Harness.Client.Tests.Support;

namespace Harness.Client.Tests.Models;

public class DiscriminatorTests
{
    public static TheoryData<string, string> UnionMembers()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, schema) in SpecDocument.AirlineApi.Schemas)
        {
            foreach (var (key, _) in schema!["discriminator"]?["mapping"]?.AsObject() ?? [])
            {
                data.Add(name, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnionMembers))]
    public void Deserialize_WithDiscriminatorLast_PicksTheMemberType(string union, string member)
    {
        var json = SchemaSampler.Full.Sample(member).AsObject();
        json.Remove("type");
        json["type"] = member;

        var model = JsonSerializer.Deserialize(json.ToJsonString(), ModelTypes.Require(union), AirlineJson.Options);

        model.Should().BeOfType(ModelTypes.Require(member));
    }

    [Theory]
    [MemberData(nameof(UnionMembers))]
    public void Serialize_AsUnion_WritesDiscriminatorFirst(string union, string member)
    {
        var model = JsonSerializer.Deserialize(SchemaSampler.Minimal.Sample(member).ToJsonString(), ModelTypes.Require(union), AirlineJson.Options);

        var json = JsonSerializer.Serialize(model, ModelTypes.Require(union), AirlineJson.Options);

        JsonNode.Parse(json)!.AsObject().First().Should().Match<KeyValuePair<string, JsonNode?>>(p => p.Key == "type" && (string?)p.Value == member);
    }

    [Fact]
    public void Deserialize_UnknownDiscriminator_Throws()
    {
        var act = () => AirlineJson.Deserialize<FormOfPayment>("{\"type\":\"crypto\",\"amount\":\"1.00\"}");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Serialize_NestedUnions_WritesEveryDiscriminator()
    {
        var device = new Mobile
        {
            Id = "eb2dddb7-dc69-4521-9fbb-762b96eb921f",
            Platform = new Web { OperatingSystem = new IOs { Version = "17.1" }, Browser = new OtherBrowser { Name = "Arc" } },
        };

        var json = JsonNode.Parse(AirlineJson.Serialize<Device>(device))!;

        ((string?)json["type"]).Should().Be("mobile");
        ((string?)json["platform"]!["type"]).Should().Be("web");
        ((string?)json["platform"]!["operating_system"]!["type"]).Should().Be("i_os");
        ((string?)json["platform"]!["browser"]!["type"]).Should().Be("other_browser");
        ((string?)json["platform"]!["browser"]!["name"]).Should().Be("Arc");
    }

    [Fact]
    public void Serialize_PointsFormOfPayment_HasNoCurrency()
    {
        var json = AirlineJson.Serialize<FormOfPayment>(new Points { Amount = "1200" });

        json.Should().Be("{\"type\":\"points\",\"amount\":\"1200\"}");
    }
}
