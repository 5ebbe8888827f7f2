using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Tests.Spec;

/// <summary>
/// The OpenAPI spec as a JSON tree. Plain YAML scalars are typed by the YAML 1.2 core schema, so unquoted
/// timestamps such as <c>2022-04-02T18:34:30</c> stay the literal strings the spec shows (guide §7 "YAML typing trap").
/// </summary>
public sealed partial class SpecDocument
{
    private static readonly Lazy<SpecDocument> Airline = new(() => Load(RepoPaths.AirlineSpec));

    private SpecDocument(JsonObject root) => Root = root;

    public static SpecDocument AirlineApi => Airline.Value;

    public JsonObject Root { get; }

    public JsonObject Schemas => Root["components"]!["schemas"]!.AsObject();

    public JsonObject Paths => Root["paths"]!.AsObject();

    public static SpecDocument Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return new SpecDocument(ToJson(stream.Documents[0].RootNode)!.AsObject());
    }

    public JsonObject Schema(string name) =>
        Schemas[name]?.AsObject() ?? throw new ArgumentException($"The spec has no schema '{name}'.", nameof(name));

    /// <summary>Follows a <c>$ref</c> like <c>#/components/schemas/cfar_offer</c>.</summary>
    public JsonObject Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only local schema refs are supported, not '{reference}'.", nameof(reference));
        }

        return Schema(reference[prefix.Length..]);
    }

    /// <summary>The schema's own example, deep-cloned, or null.</summary>
    public JsonNode? Example(string schemaName) => Schema(schemaName)["example"]?.DeepClone();

    /// <summary>The request body schema of an operation (by operationId).</summary>
    public JsonObject RequestBodySchema(string operationId) =>
        Operation(operationId)["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject();

    public JsonObject Operation(string operationId)
    {
        foreach (var (_, pathItem) in Paths)
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                if (operation is JsonObject o && (string?)o["operationId"] == operationId)
                {
                    return o;
                }
            }
        }

        throw new ArgumentException($"The spec has no operation '{operationId}'.", nameof(operationId));
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => throw new NotSupportedException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null")
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (IntegerPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture));
        }

        if (FloatPattern().IsMatch(text))
        {
            return JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^-?(0|[1-9][0-9]*)\\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
