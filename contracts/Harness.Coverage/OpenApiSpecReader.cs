using System.Text.Json.Nodes;
using Harness.Spec;

namespace Harness.Coverage;

/// <summary>Reads the operations of an OpenAPI 3 document (YAML or JSON), through the spec library, into an <see cref="ApiSpec"/>.</summary>
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

        SpecDocument spec;
        try
        {
            spec = SpecDocument.Load(path);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"The OpenAPI spec {path} is empty, not a mapping or has no paths: {error.Message}", error);
        }

        var root = spec.Root;
        var title = (string?)root["info"]?["title"] ?? Path.GetFileNameWithoutExtension(path);
        var basePath = root["servers"] is JsonArray { Count: > 0 } servers && (string?)servers[0]?["url"] is { } url
            ? (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url)
            : string.Empty;

        var operations = new List<SpecOperation>();
        foreach (var (pathKey, pathItem) in spec.Paths)
        {
            if (pathItem is not JsonObject item)
            {
                continue;
            }

            foreach (var (method, operationNode) in item)
            {
                if (!Methods.Contains(method) || operationNode is not JsonObject operation)
                {
                    continue;
                }

                var id = (string?)operation["operationId"]
                    ?? throw new InvalidDataException($"{method.ToUpperInvariant()} {pathKey} in {path} has no operationId.");
                var statuses = operation["responses"] is JsonObject responses ? responses.Select(r => r.Key).ToList() : [];
                operations.Add(new SpecOperation(id, method, pathKey, statuses));
            }
        }

        return new ApiSpec(title, provider, basePath, operations);
    }
}
