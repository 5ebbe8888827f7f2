using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Coverage;

/// <summary>A pact file's HTTP interactions, read from V2, V3 or V4 JSON (V4 bodies are unwrapped from {content}).</summary>
public sealed class PactFile
{
    private PactFile(string path, string consumer, string provider, IReadOnlyList<PactInteraction> interactions, IReadOnlyList<PactMessageInteraction> messages)
    {
        Path = path;
        Consumer = consumer;
        Provider = provider;
        Interactions = interactions;
        Messages = messages;
    }

    public string Path { get; }

    public string Consumer { get; }

    public string Provider { get; }

    /// <summary>The HTTP interactions (V4 message interactions are not requests and are left out).</summary>
    public IReadOnlyList<PactInteraction> Interactions { get; }

    /// <summary>The V4 asynchronous message interactions.</summary>
    public IReadOnlyList<PactMessageInteraction> Messages { get; }

    /// <summary>Every *.json pact in <paramref name="directory"/>, sorted by file name; none when the folder does not exist.</summary>
    public static IReadOnlyList<PactFile> LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Load)];
    }

    public static PactFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"The pact file {path} is not a JSON object.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The pact file {path} is not valid JSON: {error.Message}", error);
        }

        var consumer = (string?)root["consumer"]?["name"] ?? throw new InvalidDataException($"The pact file {path} has no consumer.name.");
        var provider = (string?)root["provider"]?["name"] ?? throw new InvalidDataException($"The pact file {path} has no provider.name.");
        var interactions = root["interactions"] as JsonArray ?? throw new InvalidDataException($"The pact file {path} has no interactions array.");
        var http = interactions
            .OfType<JsonObject>()
            .Where(i => i["request"] is JsonObject && i["response"] is JsonObject)
            .Select(i => PactInteraction.FromJson(i, System.IO.Path.GetFileName(path)))
            .ToList();
        var messages = interactions
            .OfType<JsonObject>()
            .Where(i => (string?)i["type"] == "Asynchronous/Messages")
            .Select(i => new PactMessageInteraction(
                System.IO.Path.GetFileName(path),
                (string?)i["description"] ?? "(no description)",
                i["contents"]?["content"] is JsonObject content && content["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String ? (string)type! : null))
            .ToList();
        return new PactFile(path, consumer, provider, http, messages);
    }
}

/// <summary>One asynchronous message of a pact, and the type its content carries (Atlas: the envelope's "type").</summary>
public sealed record PactMessageInteraction(string PactFileName, string Description, string? Type);

/// <summary>One request/response pair of a pact.</summary>
public sealed record PactInteraction(
    string PactFileName,
    string Description,
    IReadOnlyList<string> ProviderStates,
    PactRequest Request,
    PactResponse Response)
{
    /// <summary>How a report names it: the description, and the states it runs in.</summary>
    public string DisplayName => ProviderStates.Count == 0
        ? $"'{Description}'"
        : $"'{Description}' (given {string.Join(", ", ProviderStates)})";

    internal static PactInteraction FromJson(JsonObject interaction, string fileName)
    {
        var states = interaction["providerStates"] is JsonArray list
            ? list.Select(s => (string?)s?["name"]).OfType<string>().ToList()
            : interaction["providerState"] is JsonValue single ? [(string)single!] : [];
        var request = interaction["request"]!.AsObject();
        var response = interaction["response"]!.AsObject();
        var requestHeaders = Headers(request["headers"]);
        var responseHeaders = Headers(response["headers"]);
        return new PactInteraction(
            fileName,
            (string?)interaction["description"] ?? "(no description)",
            states,
            new PactRequest(
                ((string?)request["method"] ?? "GET").ToUpperInvariant(),
                (string?)request["path"] ?? "/",
                requestHeaders,
                Body(request["body"], requestHeaders, out var requestType),
                requestType),
            new PactResponse(
                response["status"] is JsonValue status ? status.GetValue<int>() : 200,
                responseHeaders,
                Body(response["body"], responseHeaders, out var responseType),
                responseType));
    }

    /// <summary>V3 headers are strings, V4 headers are arrays of strings; both become one comma-joined value.</summary>
    private static Dictionary<string, string> Headers(JsonNode? headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers is JsonObject map)
        {
            foreach (var (name, value) in map)
            {
                result[name] = value switch
                {
                    JsonArray values => string.Join(", ", values.Select(v => (string?)v)),
                    null => string.Empty,
                    _ => (string?)value ?? string.Empty,
                };
            }
        }

        return result;
    }

    /// <summary>
    /// V4: {"content", "contentType", "encoded"}; earlier versions: the JSON body itself. The Content-Type header wins
    /// over the body's contentType: the engine records binary bodies as "*/*" even when the header says application/pdf.
    /// </summary>
    private static JsonNode? Body(JsonNode? body, Dictionary<string, string> headers, out string? contentType)
    {
        headers.TryGetValue("Content-Type", out contentType);
        if (body is JsonObject v4 && v4.ContainsKey("content") && (v4.ContainsKey("contentType") || v4.ContainsKey("encoded")))
        {
            contentType ??= (string?)v4["contentType"] is { } declared && declared != "*/*" ? declared : null;
            var encoded = v4["encoded"] is JsonValue flag && flag.GetValueKind() != JsonValueKind.False;
            var content = v4["content"];
            if (!encoded && content is JsonValue text && text.GetValueKind() == JsonValueKind.String && IsJson(contentType))
            {
                // Engine versions differ: some store a JSON body as a string of JSON.
                try
                {
                    return JsonNode.Parse((string)text!);
                }
                catch (JsonException)
                {
                    return content.DeepClone();
                }
            }

            return content?.DeepClone();
        }

        return body?.DeepClone();
    }

    internal static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase);
}

public sealed record PactRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string? ContentType);

public sealed record PactResponse(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, string? ContentType);
