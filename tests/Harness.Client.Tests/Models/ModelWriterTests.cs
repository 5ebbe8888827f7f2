using Harness.Client.ModelGen;

namespace Harness.Client.Tests.Models;

/// <summary>
/// The generator's rules on small specs. The real spec's output is pinned by <see cref="PublicApiTests"/>; these tests
/// name the rule that broke and cover what the real spec does not contain (the errors).
/// </summary>
public class ModelWriterTests
{
    private const string Header = """
        openapi: 3.0.1
        paths: {}
        components:
          schemas:

        """;

    [Fact]
    public void Write_ObjectSchema_RequiredAreRequiredOthersNullableInSpecOrder()
    {
        var code = Generate("""
                thing:
                  description: A thing
                  type: object
                  required: [zeta]
                  properties:
                    zeta:
                      type: string
                    alpha:
                      type: integer
            """);

        code.Should().Contain("/// <summary>Spec: \"A thing\"</summary>\npublic sealed partial record Thing\n{");
        code.IndexOf("public required string Zeta { get; init; }", StringComparison.Ordinal)
            .Should().BePositive().And.BeLessThan(code.IndexOf("public int? Alpha { get; init; }", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AmountStrings_GetDecimalViewsNamingTheField()
    {
        var code = Generate("""
                price:
                  type: object
                  required: [total]
                  properties:
                    total:
                      type: string
                      minimum: 0
                    fee:
                      type: string
                      minimum: 0
                    label:
                      type: string
            """);

        code.Should().Contain("[JsonIgnore]\n    public decimal TotalValue => AirlineAmount.Parse(Total, \"price.total\");")
            .And.Contain("[JsonIgnore]\n    public decimal? FeeValue => AirlineAmount.ParseOptional(Fee, \"price.fee\");")
            .And.NotContain("LabelValue");
    }

    [Fact]
    public void Write_TimesMapsAndLists_MapToTheirCSharpTypes()
    {
        var code = Generate("""
                segment:
                  type: object
                  required: [at, departs, tags, notes]
                  properties:
                    at:
                      type: string
                      format: date-time
                    departs:
                      description: The local date and time of departure in ISO Local Date Time
                        format
                      type: string
                    tags:
                      type: array
                      items:
                        type: string
                    notes:
                      $ref: '#/components/schemas/map_string'
                map_string:
                  type: object
                  additionalProperties:
                    type: string
            """);

        code.Should().Contain("public required DateTimeOffset At { get; init; }")
            .And.Contain("public required LocalDateTime Departs { get; init; }")
            .And.Contain("public required IReadOnlyList<string> Tags { get; init; }")
            .And.Contain("public required IReadOnlyDictionary<string, string> Notes { get; init; }")
            .And.NotContain("record MapString");
    }

    [Fact]
    public void Write_DiscriminatedUnion_IsAnAbstractBaseAndMembersLeaveTypeToIt()
    {
        var code = Generate("""
                pet:
                  oneOf:
                  - $ref: '#/components/schemas/cat'
                  discriminator:
                    propertyName: type
                    mapping:
                      cat: '#/components/schemas/cat'
                cat:
                  type: object
                  required: [type]
                  properties:
                    lives:
                      type: integer
                    type:
                      type: string
                      enum: [cat]
            """);

        code.Should().Contain("[JsonPolymorphic(TypeDiscriminatorPropertyName = \"type\")]\n[JsonDerivedType(typeof(Cat), \"cat\")]\npublic abstract partial record Pet;")
            .And.Contain("public sealed partial record Cat : Pet\n{\n    public int? Lives { get; init; }\n}");
    }

    [Fact]
    public void Write_StringEnum_KeepsTheWireValues()
    {
        var code = Generate("""
                seat_kind:
                  type: string
                  enum: [window_seat, aisle]
            """);

        code.Should().Contain("public enum SeatKind\n{\n    [JsonStringEnumMemberName(\"window_seat\")]\n    WindowSeat,\n    [JsonStringEnumMemberName(\"aisle\")]\n    Aisle\n}");
    }

    [Theory]
    [InlineData("count:\n      type: integer\n", "schema 'count' is neither an object")]
    [InlineData("pet:\n      oneOf:\n      - $ref: '#/components/schemas/cat'\n", "oneOf 'pet' has no discriminator")]
    [InlineData("odd:\n      type: object\n      properties:\n        when:\n          type: null_type\n", "odd.when has type 'null_type'")]
    [InlineData("far:\n      type: object\n      properties:\n        x:\n          $ref: 'other.yml#/x'\n", "only local schema refs")]
    public void Write_WhatItCannotWrite_FailsNamingTheSchema(string schemas, string expected)
    {
        var act = () => Generate("    " + schemas);

        act.Should().Throw<ModelGenException>().WithMessage($"*{expected}*");
    }

    // The schemas' raw literals start at the YAML's schema level (4 spaces), so they go under the header as written.
    private static string Generate(string schemas) =>
        ModelWriter.Write(SpecDocument.Parse(new StringReader(Header + schemas + "\n")));
}
