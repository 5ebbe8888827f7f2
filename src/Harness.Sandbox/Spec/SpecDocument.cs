using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Sandbox.Spec;

/// <summary>The embedded Airline API v1.1 OpenAPI document, parsed once into a JSON tree.</summary>
internal sealed partial class SpecDocument
{
    private static readonly Lazy<SpecDocument> Embedded = new(LoadEmbedded);

    private SpecDocument(JsonObject root)
    {
        Root = root;
        Schemas = root["components"]?["schemas"] as JsonObject
            ?? throw new InvalidOperationException("The spec has no components.schemas.");
    }

    public static SpecDocument Instance => Embedded.Value;

    public JsonObject Root { get; }

    public JsonObject Schemas { get; }

    /// <summary>The request body schema of an operation, or null when it takes no body.</summary>
    public JsonObject? RequestSchema(string operationId)
    {
        foreach (var (_, pathItem) in (JsonObject)Root["paths"]!)
        {
            foreach (var (_, operation) in (JsonObject)pathItem!)
            {
                if (operation is JsonObject op && (string?)op["operationId"] == operationId)
                {
                    return op["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
                }
            }
        }

        throw new ArgumentException($"Unknown operationId '{operationId}'.", nameof(operationId));
    }

    public JsonObject Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unsupported $ref '{reference}'.");
        }

        return Schemas[reference[prefix.Length..]] as JsonObject
            ?? throw new InvalidOperationException($"Dangling $ref '{reference}'.");
    }

    private static SpecDocument LoadEmbedded()
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream("hopper-airlines-openapi.yml")
            ?? throw new InvalidOperationException("The embedded spec hopper-airlines-openapi.yml is missing.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new SpecDocument((JsonObject)ToJson(yaml.Documents[0].RootNode)!);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    // Plain YAML scalars carry their type; quoted ones are always strings ("80.00" stays a string).
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" => null,
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when DecimalPattern().IsMatch(text) => JsonValue.Create(decimal.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]+$")]
    private static partial Regex DecimalPattern();
}
