using System.Text;

namespace Harness.Verification.Tests.Mutation;

public sealed class DriftTests
{
    private static readonly AirlineResponseSpecs Specs = new(SpecDocument.AirlineApi);

    private static ProviderResponse Json(string body) => new()
    {
        Status = 201,
        Headers = new(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ["application/json"], ["Expires"] = ["x"] },
        Body = Encoding.UTF8.GetBytes(body),
    };

    private static SpecField Field(params string[] segments) => new(segments, true, false, "string", null);

    private static JsonNode Body(ProviderResponse response) => JsonNode.Parse(response.Body)!;

    [Fact]
    public void Apply_FlipTypeOfAmount_TurnsTheStringIntoANumberInEveryElement()
    {
        var response = Json("""[{"coverage":"400.00"},{"coverage":"12.50"}]""");

        var served = new Drift(DriftOperator.FlipType, "$[*].coverage", "string → number", Field("[*]", "coverage")).Apply(response);

        served.Should().BeTrue();
        Body(response).ToJsonString().Should().Be("""[{"coverage":400.00},{"coverage":12.50}]""");
    }

    [Fact]
    public void Apply_EnumDrift_LowerCasesAValueOutsideTheEnum()
    {
        var field = new SpecField(["fare_rules", "[*]", "refund_method"], false, false, "string", [JsonValue.Create("FTC"), JsonValue.Create("CASH")]);
        var response = Json("""{"fare_rules":[{"refund_method":"FTC"}]}""");

        new Drift(DriftOperator.EnumDrift, field.Path, "outside", field).Apply(response).Should().BeTrue();

        Body(response)["fare_rules"]![0]!["refund_method"]!.GetValue<string>().Should().Be("ftc");
    }

    [Fact]
    public void Apply_EnumDriftOfAnInteger_AnswersAnIntegerOutsideTheEnum()
    {
        var field = new SpecField(["eventStatus"], false, false, "integer", [JsonValue.Create(0), JsonValue.Create(1)]);
        var response = Json("""{"eventStatus":1}""");

        new Drift(DriftOperator.EnumDrift, field.Path, "outside", field).Apply(response).Should().BeTrue();

        Body(response)["eventStatus"]!.GetValue<int>().Should().Be(4242);
    }

    [Fact]
    public void Apply_CamelCase_RenamesTheField()
    {
        var response = Json("""{"coverage_percentage":"80.00"}""");

        new Drift(DriftOperator.CamelCase, "$.coverage_percentage", "rename", Field("coverage_percentage")).Apply(response).Should().BeTrue();

        Body(response).AsObject().Select(p => p.Key).Should().Equal("coveragePercentage");
    }

    [Fact]
    public void Apply_WhenTheResponseLacksTheField_ServesNothing()
    {
        var response = Json("""{"id":"a"}""");

        var served = new Drift(DriftOperator.DropRequired, "$.premium", "removed", Field("premium")).Apply(response);

        served.Should().BeFalse();
        Encoding.UTF8.GetString(response.Body).Should().Be("""{"id":"a"}""");
    }

    [Fact]
    public void Apply_StatusHeaderAndErrorBodyDrifts_ChangeTheResponse()
    {
        var response = Json("""{"errors":[]}""");

        new Drift(DriftOperator.StatusShift, "201", "201 → 200").Apply(response).Should().BeTrue();
        new Drift(DriftOperator.DropHeader, "expires", "removed").Apply(response).Should().BeTrue();
        new Drift(DriftOperator.EmptyErrorBody, "body", "no body").Apply(response).Should().BeTrue();

        response.Status.Should().Be(200);
        response.Headers.Should().NotContainKey("Expires");
        response.Body.Should().BeEmpty();
    }

    [Fact]
    public void Catalog_CfarOffers201_CoversEveryOperatorOverEverySpecField()
    {
        var spec = Specs.Find("postCfar_offers", 201)!;

        var drifts = DriftCatalog.For(spec, 201, hasBody: true);

        spec.Fields.Select(f => f.Path).Should().Contain(["$[*].coverage", "$[*].itinerary.slices[*].segments[*].flight_number"]);
        drifts.Should().Contain(d => d.Operator == DriftOperator.FlipType && d.Target == "$[*].coverage");
        drifts.Should().Contain(d => d.Operator == DriftOperator.CamelCase && d.Target == "$[*].coverage_percentage");
        drifts.Should().Contain(d => d.Operator == DriftOperator.DropHeader && d.Target == "HTS-Session-ID");
        drifts.Should().Contain(d => d.Operator == DriftOperator.StatusShift && d.Change == "201 → 200");
        foreach (var field in spec.Fields.Where(f => f.Required))
        {
            drifts.Should().Contain(d => d.Operator == DriftOperator.DropRequired && d.Target == field.Path);
        }

        drifts.Where(d => d.Operator == DriftOperator.EnumDrift).Should().NotBeEmpty();
        drifts.Should().NotContain(d => d.Operator == DriftOperator.EmptyErrorBody, "a 201 is not an error");
    }

    [Fact]
    public void Catalog_BadRequest_EmptiesTheErrorBody()
    {
        var drifts = DriftCatalog.For(Specs.Find("postCfar_offers", 400)!, 400, hasBody: true);

        drifts.Should().Contain(d => d.Operator == DriftOperator.EmptyErrorBody);
        drifts.Should().Contain(d => d.Operator == DriftOperator.DropRequired && d.Target == "$.errors");
    }
}
