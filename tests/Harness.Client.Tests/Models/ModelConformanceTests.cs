using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Harness.Client.Serialization;
using Harness.Client.Tests.Support;

namespace Harness.Client.Tests.Models;

public class ModelConformanceTests
{
    public static TheoryData<string> ModelSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SpecDocument.AirlineApi.Schemas)
        {
            if (!ModelTypes.OrphanSchemas.Contains(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    public static TheoryData<string> ObjectSchemas() => Filter(s => (string?)s["type"] == "object" && s["additionalProperties"] is null);

    public static TheoryData<string> EnumSchemas() => Filter(s => s["enum"] is not null && (string?)s["type"] == "string");

    public static TheoryData<string> UnionSchemas() => Filter(s => s["oneOf"] is not null);

    [Theory]
    [MemberData(nameof(ModelSchemas))]
    public void EverySchema_HasAModelType(string schema)
    {
        ModelTypes.For(schema).Should().NotBeNull($"schema '{schema}' needs a model in Harness.Client.Models");
    }

    [Theory]
    [MemberData(nameof(ObjectSchemas))]
    public void ObjectModel_WhenInspected_HasExactlyTheSpecPropertiesAndRequiredSet(string schema)
    {
        var spec = SpecDocument.AirlineApi.Schema(schema);
        var isUnionMember = IsUnionMember(schema);
        var specProperties = spec["properties"]!.AsObject().Select(p => p.Key).Where(p => !(isUnionMember && p == "type")).ToHashSet();
        var specRequired = (spec["required"] as JsonArray ?? []).Select(r => (string)r!).Where(p => !(isUnionMember && p == "type")).ToHashSet();

        // The contract lists [JsonIgnore] decimal views too; only serialized properties are on the wire.
        var info = AirlineJson.Options.GetTypeInfo(ModelTypes.Require(schema));
        var onWire = info.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(JsonIgnoreAttribute), inherit: false) != true).ToList();
        var wireProperties = onWire.Select(p => p.Name).ToHashSet();
        var requiredProperties = onWire.Where(p => p.IsRequired).Select(p => p.Name).ToHashSet();

        wireProperties.Should().BeEquivalentTo(specProperties);
        requiredProperties.Should().BeEquivalentTo(specRequired);
    }

    [Theory]
    [MemberData(nameof(EnumSchemas))]
    public void EnumModel_WhenSerialized_UsesExactlyTheSpecWireValues(string schema)
    {
        var specValues = SpecDocument.AirlineApi.Schema(schema)["enum"]!.AsArray().Select(v => (string)v!).ToList();
        var type = ModelTypes.Require(schema);

        var wireValues = Enum.GetValues(type).Cast<object>()
            .Select(v => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(v, type, AirlineJson.Options)))
            .ToList();

        wireValues.Should().Equal(specValues);
    }

    [Theory]
    [MemberData(nameof(UnionSchemas))]
    public void UnionModel_WhenInspected_MapsEveryDiscriminatorToItsMemberType(string schema)
    {
        var mapping = SpecDocument.AirlineApi.Schema(schema)["discriminator"]!["mapping"]!.AsObject()
            .ToDictionary(kv => kv.Key, kv => ModelTypes.Require(((string)kv.Value!).Split('/')[^1]));
        var polymorphism = AirlineJson.Options.GetTypeInfo(ModelTypes.Require(schema)).PolymorphismOptions;

        polymorphism.Should().NotBeNull();
        polymorphism!.TypeDiscriminatorPropertyName.Should().Be("type");
        polymorphism.DerivedTypes.ToDictionary(d => (string)d.TypeDiscriminator!, d => d.DerivedType)
            .Should().BeEquivalentTo(mapping);
    }

    private static TheoryData<string> Filter(Func<JsonObject, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var (name, schema) in SpecDocument.AirlineApi.Schemas)
        {
            if (!ModelTypes.OrphanSchemas.Contains(name) && predicate(schema!.AsObject()))
            {
                data.Add(name);
            }
        }

        return data;
    }

    private static bool IsUnionMember(string schema) =>
        SpecDocument.AirlineApi.Schemas.Any(s => s.Value!["discriminator"]?["mapping"]?.AsObject().Any(m => ((string)m.Value!).EndsWith("/" + schema, StringComparison.Ordinal)) == true);
}
