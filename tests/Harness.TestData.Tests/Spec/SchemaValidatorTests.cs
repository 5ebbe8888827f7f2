using System.Text.Json.Nodes;

namespace Harness.Tests.Spec;

public class SchemaValidatorTests
{
    private static readonly SchemaValidator Validator = SchemaValidator.AirlineApi;

    [Fact]
    public void Validate_MinimalSampleOfEverySchema_HasNoErrors()
    {
        foreach (var (name, schema) in SpecDocument.AirlineApi.Schemas)
        {
            if (((string?)schema!["type"] == "object" && schema["additionalProperties"] is null) || schema["oneOf"] is not null)
            {
                Validator.Validate(SchemaSampler.Minimal.Sample(name), name).Should().BeEmpty(name);
                Validator.Validate(SchemaSampler.Full.Sample(name), name).Should().BeEmpty(name);
            }
        }
    }

    [Theory]
    [InlineData("origin_airport", "\"BOSX\"", "pattern")]
    [InlineData("origin_airport", "null", "null")]
    [InlineData("fare_class", "\"coach\"", "not one of")]
    [InlineData("departure_date_time", "\"2030-01-02T03:04:05Z\"", "ISO local")]
    [InlineData("flight_number", "\"JB-776\"", "pattern")]
    public void Validate_BadSegmentField_ReportsItWithPath(string field, string value, string expected)
    {
        var segment = SchemaSampler.Minimal.Sample("cfar_itinerary_slice_segment").AsObject();
        segment[field] = JsonNode.Parse(value);

        Validator.Validate(segment, "cfar_itinerary_slice_segment").Should().ContainSingle()
            .Which.Should().StartWith("$." + field).And.Contain(expected);
    }

    [Fact]
    public void Validate_MissingRequiredAndEmptyMinItemsArray_AreReported()
    {
        var itinerary = SchemaSampler.Minimal.Sample("cfar_itinerary").AsObject();
        itinerary.Remove("currency");
        itinerary["slices"] = new JsonArray();

        Validator.Validate(itinerary, "cfar_itinerary").Should().BeEquivalentTo(
            "$.currency: required property is missing", "$.slices: has 0 items, minItems is 1");
    }

    [Theory]
    [InlineData("\"-1.00\"", ">= 0")]
    [InlineData("\"ten\"", "not a decimal")]
    [InlineData("12.5", "expected a string")]
    public void Validate_BadAmount_IsReported(string amount, string expected)
    {
        var cash = new JsonObject { ["type"] = "cash", ["amount"] = JsonNode.Parse(amount), ["currency"] = "CAD" };

        Validator.Validate(cash, "form_of_payment").Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Fact]
    public void Validate_UnknownDiscriminatorAndZeroCount_AreReported()
    {
        Validator.Validate(new JsonObject { ["type"] = "crypto" }, "form_of_payment").Should().ContainSingle().Which.Should().Contain("crypto");
        Validator.Validate(new JsonObject { ["count"] = 0, ["type"] = "adult" }, "passenger_count").Should().ContainSingle().Which.Should().Contain("> 0");
    }

    [Fact]
    public void Validate_DateTimeWithoutOffset_IsReported()
    {
        var evt = new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2022-01-24T15:34:30" };

        Validator.Validate(evt, "event").Should().ContainSingle().Which.Should().Contain("RFC3339");
    }
}
