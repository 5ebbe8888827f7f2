using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Spec;

/// <summary>
/// An OpenAPI document as a JSON tree: the embedded Airline API v1.1 copy (<see cref="AirlineApi"/>, the repo's
/// <c>contracts/spec/hopper-airlines-openapi.yml</c>, parsed once) or any file (<see cref="Load"/>). Plain YAML scalars
/// are typed by the YAML 1.2 core schema, so unquoted timestamps such as <c>2022-04-02T18:34:30</c> stay the literal
/// strings the spec shows and quoted amounts ("80.00") stay strings (hopper-airlines-guide.md §7, "YAML typing trap").
/// </summary>
public sealed partial class SpecDocument
{
    private const string EmbeddedName = "hopper-airlines-openapi.yml";

    private static readonly Lazy<SpecDocument> Airline = new(LoadEmbedded);

    private SpecDocument(JsonObject root)
    {
        Root = root;
        Schemas = root["components"]?["schemas"] as JsonObject
            ?? throw new InvalidOperationException("The spec has no components.schemas.");
        Paths = root["paths"] as JsonObject ?? throw new InvalidOperationException("The spec has no paths.");
    }

    /// <summary>The Airline API v1.1 spec, from the copy embedded in this assembly.</summary>
    public static SpecDocument AirlineApi => Airline.Value;

    public JsonObject Root { get; }

    public JsonObject Schemas { get; }

    public JsonObject Paths { get; }

    /// <summary>Reads an OpenAPI document from a YAML (or JSON) file.</summary>
    public static SpecDocument Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static SpecDocument Parse(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        return new SpecDocument(ToJson(stream.Documents[0].RootNode) as JsonObject
            ?? throw new InvalidOperationException("The spec's root is not a mapping."));
    }

    public JsonObject Schema(string name) =>
        Schemas[name] as JsonObject ?? throw new ArgumentException($"The spec has no schema '{name}'.", nameof(name));

    /// <summary>Follows a <c>$ref</c> like <c>#/components/schemas/cfar_offer</c>.</summary>
    public JsonObject Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only local schema refs are supported, not '{reference}'.", nameof(reference));
        }

        return Schemas[reference[prefix.Length..]] as JsonObject
            ?? throw new InvalidOperationException($"Dangling $ref '{reference}'.");
    }

    /// <summary>The schema's own example, deep-cloned, or null.</summary>
    public JsonNode? Example(string schemaName) => Schema(schemaName)["example"]?.DeepClone();

    /// <summary>The operation with this operationId.</summary>
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

    /// <summary>The JSON request body schema of an operation, or null when it takes no body.</summary>
    public JsonObject? RequestSchema(string operationId) =>
        Operation(operationId)["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;

    /// <summary>As <see cref="RequestSchema"/>, for an operation that must take a body.</summary>
    public JsonObject RequestBodySchema(string operationId) =>
        RequestSchema(operationId) ?? throw new ArgumentException($"The operation '{operationId}' takes no JSON body.", nameof(operationId));

    private static SpecDocument LoadEmbedded()
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded spec {EmbeddedName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"Unsupported YAML node {node.NodeType} at {node.Start}."),
    };

    // Plain scalars carry their YAML 1.2 core type; quoted ones are always strings.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(text) => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            _ when FloatPattern().IsMatch(text) => JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^-?(0|[1-9][0-9]*)\\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
