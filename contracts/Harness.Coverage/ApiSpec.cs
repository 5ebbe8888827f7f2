using System.Text.RegularExpressions;

namespace Harness.Coverage;

/// <summary>
/// One API as the matrix sees it: the provider name its pacts use, the base path its requests carry, and its operations.
/// Built from an OpenAPI document (<see cref="OpenApiSpecReader"/>); the Atlas notifications API, whose spec is an
/// endpoints list, gets its own reader producing the same shape.
/// </summary>
public sealed class ApiSpec
{
    public ApiSpec(string title, string provider, string basePath, IReadOnlyList<SpecOperation> operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(basePath);
        ArgumentNullException.ThrowIfNull(operations);
        Title = title;
        Provider = provider;
        BasePath = basePath.TrimEnd('/');
        Operations = operations;
    }

    public string Title { get; }

    /// <summary>The provider name pacts against this API carry (e.g. hts-airlines-api).</summary>
    public string Provider { get; }

    /// <summary>The path every operation sits under, e.g. /airline/v1.1 (from the spec's first server URL).</summary>
    public string BasePath { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>
    /// The outcome code an interaction pins: the HTTP status by default. Atlas answers HTTP 200 and reports the outcome
    /// in the body's <c>status</c>, so its spec reads that instead.
    /// </summary>
    public Func<PactResponse, int> OutcomeOf { get; init; } = response => response.Status;

    /// <summary>How the column codes read, when they are not HTTP statuses (shown under the spec's heading).</summary>
    public string? OutcomeNote { get; init; }

    /// <summary>The operation a request addresses: the method matches and the path matches a template under the base path.</summary>
    public SpecOperation? FindOperation(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            path = path[..queryStart];
        }

        if (!path.StartsWith(BasePath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[BasePath.Length..];
        // A literal template (/cfar_offers/external) wins over a templated one that also matches.
        return Operations
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Matches(relative))
            .OrderBy(o => o.PathTemplate.Count(c => c == '{'))
            .FirstOrDefault();
    }

    /// <summary>True when some operation has this path, whatever its method (tells "unknown path" from "wrong method").</summary>
    public bool HasPath(string path) =>
        path.StartsWith(BasePath + "/", StringComparison.Ordinal) && Operations.Any(o => o.Matches(path[BasePath.Length..].Split('?')[0]));
}

/// <summary>One operation: its id, method, path template (relative to the base path) and declared response codes.</summary>
public sealed partial class SpecOperation
{
    private readonly Regex _pathPattern;

    public SpecOperation(string operationId, string method, string pathTemplate, IReadOnlyList<string> declaredStatuses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        ArgumentNullException.ThrowIfNull(declaredStatuses);
        OperationId = operationId;
        Method = method.ToUpperInvariant();
        PathTemplate = pathTemplate;
        DeclaredStatuses = declaredStatuses;
        var segments = TemplateParameter().Split(pathTemplate).Select(Regex.Escape);
        _pathPattern = new Regex("^" + string.Join("[^/]+", segments) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string OperationId { get; }

    /// <summary>Upper case: GET, POST, PUT…</summary>
    public string Method { get; }

    /// <summary>As the spec writes it, e.g. /cfar_contracts/{id}.</summary>
    public string PathTemplate { get; }

    /// <summary>Response codes the spec declares, in spec order ("200", "404", or "default").</summary>
    public IReadOnlyList<string> DeclaredStatuses { get; }

    public bool Declares(int status) =>
        DeclaredStatuses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) ||
        DeclaredStatuses.Contains($"{status / 100}XX") || DeclaredStatuses.Contains("default");

    /// <summary>Whether a concrete path relative to the base path fits the template ({id} matches one non-empty segment).</summary>
    public bool Matches(string relativePath) => _pathPattern.IsMatch(relativePath);

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex TemplateParameter();
}
