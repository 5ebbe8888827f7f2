namespace Harness.TestData.Tests.Spec;

public class SchemaValidatorTests
{
    private static readonly SchemaValidator Validator = SchemaValidator.AirlineApiStrict;

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
    [InlineData("fare_class", "\"coach\"", "must be one of")]
    [InlineData("departure_date_time", "\"2030-01-02T03:04:05Z\"", "ISO local")]
    [InlineData("flight_number", "\"JB-776\"", "pattern")]
    public void Validate_BadSegmentField_ReportsItWithPath(string field, string value, string expected)
    {
        var segment = SchemaSampler.Minimal.Sample("cfar_itinerary_slice_segment").AsObject();
        segment[field] = JsonNode.Parse(value);

        Validator.Validate(segment, "cfar_itinerary_slice_segment").Should().ContainSingle()
            .Which.ToString().Should().StartWith("$." + field).And.Contain(expected);
    }

    [Fact]
    public void Validate_MissingRequiredAndEmptyMinItemsArray_AreReported()
    {
        var itinerary = SchemaSampler.Minimal.Sample("cfar_itinerary").AsObject();
        itinerary.Remove("currency");
        itinerary["slices"] = new JsonArray();

        Validator.Validate(itinerary, "cfar_itinerary").Select(i => i.ToString()).Should().BeEquivalentTo(
            "$.currency: currency is required.", "$.slices: slices must contain at least 1 item(s).");
    }

    [Theory]
    [InlineData("\"-1.00\"", "at least 0")]
    [InlineData("\"ten\"", "decimal number")]
    [InlineData("12.5", "must be of type string")]
    public void Validate_BadAmount_IsReported(string amount, string expected)
    {
        var cash = new JsonObject { ["type"] = "cash", ["amount"] = JsonNode.Parse(amount), ["currency"] = "CAD" };

        Validator.Validate(cash, "form_of_payment").Should().ContainSingle().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Validate_UnknownDiscriminatorAndZeroCount_AreReported()
    {
        Validator.Validate(new JsonObject { ["type"] = "crypto" }, "form_of_payment").Should().ContainSingle().Which.Message.Should().Contain("crypto");
        Validator.Validate(new JsonObject { ["count"] = 0, ["type"] = "adult" }, "passenger_count").Should().ContainSingle().Which.Message.Should().Contain("greater than 0");
    }

    [Fact]
    public void Validate_DateTimeWithoutOffset_IsReported()
    {
        var evt = new JsonObject { ["type"] = "offers_displayed", ["occurred_date_time"] = "2022-01-24T15:34:30" };

        Validator.Validate(evt, "event").Should().ContainSingle().Which.Message.Should().Contain("RFC 3339");
    }

    [Theory]
    [InlineData("origin_airport", "\"BOSX\"")]
    [InlineData("flight_number", "\"JB-776\"")]
    [InlineData("departure_date_time", "\"2030-01-02T03:04:05Z\"")]
    public void Validate_WhatOnlyStrictAdds_PassesAsWrittenAndFailsStrict(string field, string value)
    {
        // AsWritten is the sandbox's request validation: unanchored patterns, segment times unchecked. Strict adds the
        // spec's intent for generated data: whole-value patterns, local segment times.
        var segment = SchemaSampler.Minimal.Sample("cfar_itinerary_slice_segment").AsObject();
        segment[field] = JsonNode.Parse(value);

        SchemaValidator.AirlineApiAsWritten.Validate(segment, "cfar_itinerary_slice_segment").Should().BeEmpty();
        SchemaValidator.AirlineApiStrict.Validate(segment, "cfar_itinerary_slice_segment").Should().ContainSingle()
            .Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("2022-01-24T15:34:30Z", true)]
    [InlineData("2022-01-24t15:34:30.123+01:00", true)]
    [InlineData("2022-01-24T15:34:30", false)]
    [InlineData("2022-01-24 15:34:30Z", false)]
    [InlineData("2022-01-24T15:34:30 +01:00", false)]
    [InlineData("2022-13-24T15:34:30Z", false)]
    public void IsRfc3339_FollowsSection56(string text, bool valid) =>
        SchemaValidator.IsRfc3339(text).Should().Be(valid);
}
