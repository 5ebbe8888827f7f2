using YamlDotNet.RepresentationModel;

namespace Harness.Coverage;

/// <summary>Reads the operations of an OpenAPI 3 document (YAML or JSON) into an <see cref="ApiSpec"/>.</summary>
public static class OpenApiSpecReader
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <param name="path">The OpenAPI file, e.g. contracts/spec/hopper-airlines-openapi.yml.</param>
    /// <param name="provider">The provider name pacts against this API carry.</param>
    public static ApiSpec Read(string path, string provider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The OpenAPI spec {Path.GetFullPath(path)} does not exist.", path);
        }

        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"The OpenAPI spec {path} is empty or not a mapping.");
        }

        var title = Scalar(Child(root, "info"), "title") ?? Path.GetFileNameWithoutExtension(path);
        var basePath = Child(root, "servers") is YamlSequenceNode { Children.Count: > 0 } servers && Scalar(servers[0], "url") is { } url
            ? (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url)
            : string.Empty;
        if (Child(root, "paths") is not YamlMappingNode paths)
        {
            throw new InvalidDataException($"The OpenAPI spec {path} has no paths.");
        }

        var operations = new List<SpecOperation>();
        foreach (var (pathKey, pathItem) in paths.Children)
        {
            if (pathItem is not YamlMappingNode item)
            {
                continue;
            }

            foreach (var (methodKey, operationNode) in item.Children)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                if (!Methods.Contains(method) || operationNode is not YamlMappingNode operation)
                {
                    continue;
                }

                var id = Scalar(operation, "operationId")
                    ?? throw new InvalidDataException($"{method.ToUpperInvariant()} {pathKey} in {path} has no operationId.");
                var statuses = Child(operation, "responses") is YamlMappingNode responses
                    ? responses.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList()
                    : [];
                operations.Add(new SpecOperation(id, method, ((YamlScalarNode)pathKey).Value!, statuses));
            }
        }

        return new ApiSpec(title, provider, basePath, operations);
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
