namespace Harness.TestData.Tests.Spec;

/// <summary>
/// SchemaValidator against JsonSchema.Net (over the OpenAPI → JSON Schema translation): every example the spec gives, and
/// documents each validator must reject, at both strictness levels. The faker samples are checked the same way in
/// AirlineFakersSpecTests, the pact bodies in Harness.Verification.Tests (PactBodyCrossValidatorTests).
/// </summary>
public class CrossValidatorTests
{
    public static TheoryData<SchemaStrictness> Strictness() => new(SchemaStrictness.AsWritten, SchemaStrictness.Strict);

    [Theory]
    [MemberData(nameof(Strictness))]
    public void SpecExamples_EveryOne_BothValidatorsAgree(SchemaStrictness strictness)
    {
        var cross = Cross(strictness);
        var examples = SpecExamples(cross.Spec).ToList();

        var disagreements = examples.Select(e => cross.Compare(e.Where, e.Example, e.Schema)).OfType<string>().ToList();

        examples.Should().HaveCountGreaterThan(300, "the spec carries an example on most schemas and properties");
        disagreements.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Strictness))]
    public void Samples_OfEveryComponentSchema_BothValidatorsAccept(SchemaStrictness strictness)
    {
        var cross = Cross(strictness);
        foreach (var (name, schema) in cross.Spec.Schemas)
        {
            foreach (var sampler in new[] { SchemaSampler.Minimal, SchemaSampler.Full })
            {
                var verdict = cross.Check(sampler.Sample(name), schema!.AsObject());
                verdict.OursValid.Should().BeTrue($"{name}: {verdict}");
                verdict.TheirsValid.Should().BeTrue($"{name}: {verdict}");
            }
        }
    }

    [Theory]
    [InlineData("origin_airport", "\"bos\"")]
    [InlineData("origin_airport", "null")]
    [InlineData("origin_airport", "42")]
    [InlineData("fare_class", "\"coach\"")]
    [InlineData("departure_date_time", "true")]
    public void BadSegmentField_BothValidatorsReject(string field, string value)
    {
        foreach (var cross in CrossValidator.AirlineApi)
        {
            var segment = SchemaSampler.Minimal.Sample("cfar_itinerary_slice_segment").AsObject();
            segment[field] = JsonNode.Parse(value);

            var verdict = cross.Check(segment, cross.Spec.Schema("cfar_itinerary_slice_segment"));

            verdict.OursValid.Should().BeFalse(verdict.ToString());
            verdict.TheirsValid.Should().BeFalse(verdict.ToString());
            verdict.Theirs.Should().Contain(e => e.StartsWith("$." + field, StringComparison.Ordinal), "JsonSchema.Net names the same field");
        }
    }

    [Theory]
    [InlineData("{\"type\":\"cash\",\"amount\":\"-1.00\",\"currency\":\"CAD\"}", "an amount below the minimum")]
    [InlineData("{\"type\":\"cash\",\"amount\":\"ten\",\"currency\":\"CAD\"}", "an amount that is no decimal")]
    [InlineData("{\"type\":\"cash\",\"amount\":\"10.00\"}", "the member's required currency missing")]
    [InlineData("{\"type\":\"crypto\",\"amount\":\"10.00\"}", "a discriminator outside the mapping")]
    [InlineData("{\"amount\":\"10.00\"}", "no discriminator")]
    public void BadFormOfPayment_BothValidatorsReject(string json, string because)
    {
        foreach (var cross in CrossValidator.AirlineApi)
        {
            var verdict = cross.Check(JsonNode.Parse(json), cross.Spec.Schema("form_of_payment"));

            verdict.OursValid.Should().BeFalse($"{because}: {verdict}");
            verdict.TheirsValid.Should().BeFalse($"{because}: {verdict}");
        }
    }

    [Theory]
    [InlineData("2030-01-02T03:04:05Z")]
    [InlineData("2030-01-02T03:04:05+01:00")]
    public void SegmentTimeWithOffset_OnlyStrictRejects_InBothValidators(string time)
    {
        var segment = SchemaSampler.Minimal.Sample("cfar_itinerary_slice_segment").AsObject();
        segment["departure_date_time"] = time;
        var schema = SpecDocument.AirlineApi.Schema("cfar_itinerary_slice_segment");

        var asWritten = CrossValidator.AirlineApiAsWritten.Check(segment, schema);
        var strict = CrossValidator.AirlineApiStrict.Check(segment, schema);

        (asWritten.OursValid, asWritten.TheirsValid).Should().Be((true, true), asWritten.ToString());
        (strict.OursValid, strict.TheirsValid).Should().Be((false, false), strict.ToString());
    }

    [Fact]
    public void Translate_OpenApiOnlyKeywords_BecomeJsonSchema()
    {
        var schema = JsonNode.Parse("""
            {"type":"integer","format":"int32","minimum":0,"exclusiveMinimum":true,"nullable":true,"example":3,
             "properties":{"p":{"$ref":"#/components/schemas/cabin","description":"ignored beside $ref"}}}
            """)!.AsObject();

        var translated = OpenApiToJsonSchema.Translate(schema, SchemaStrictness.AsWritten);

        translated.ToJsonString().Should().Be(
            """{"type":["integer","null"],"maximum":2147483647,"exclusiveMinimum":0,"properties":{"p":{"$ref":"#/$defs/cabin"}}}""");
    }

    [Fact]
    public void Translate_StringAmountMinimum_BecomesADecimalPattern()
    {
        var cross = CrossValidator.AirlineApiAsWritten;
        var schema = JsonNode.Parse("""{"type":"string","minimum":0,"exclusiveMinimum":true}""")!.AsObject();

        foreach (var (amount, valid) in new[] { ("0.01", true), ("12", true), ("0.00", false), ("-3", false), ("1e3", false) })
        {
            var verdict = cross.Check(JsonValue.Create(amount), schema);
            (verdict.OursValid, verdict.TheirsValid).Should().Be((valid, valid), $"{amount}: {verdict}");
        }
    }

    private static CrossValidator Cross(SchemaStrictness strictness) =>
        strictness == SchemaStrictness.Strict ? CrossValidator.AirlineApiStrict : CrossValidator.AirlineApiAsWritten;

    /// <summary>Every <c>example</c> in the spec with the schema it illustrates: component schemas, their properties and items, and media types.</summary>
    private static IEnumerable<(string Where, JsonNode? Example, JsonObject Schema)> SpecExamples(SpecDocument spec)
    {
        foreach (var (name, schema) in spec.Schemas)
        {
            foreach (var found in SchemaExamples($"#/components/schemas/{name}", schema!.AsObject()))
            {
                yield return found;
            }
        }

        foreach (var (path, item) in spec.Paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var bodies = new List<(string, JsonNode?)> { ("requestBody", operation?["requestBody"]) };
                bodies.AddRange((operation?["responses"] as JsonObject ?? []).Select(r => ($"responses/{r.Key}", r.Value)));
                foreach (var (where, body) in bodies)
                {
                    foreach (var (mediaType, content) in body?["content"] as JsonObject ?? [])
                    {
                        if (content?["schema"] is JsonObject schema && content["example"] is { } example)
                        {
                            yield return ($"{method.ToUpperInvariant()} {path} {where} {mediaType} example", example, schema);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Where, JsonNode? Example, JsonObject Schema)> SchemaExamples(string where, JsonObject schema)
    {
        if (schema.TryGetPropertyValue("example", out var example) && schema["$ref"] is null)
        {
            yield return ($"{where} example", example, schema);
        }

        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            foreach (var found in SchemaExamples($"{where}/properties/{name}", property!.AsObject()))
            {
                yield return found;
            }
        }

        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (schema[key] is JsonObject sub)
            {
                foreach (var found in SchemaExamples($"{where}/{key}", sub))
                {
                    yield return found;
                }
            }
        }
    }
}
