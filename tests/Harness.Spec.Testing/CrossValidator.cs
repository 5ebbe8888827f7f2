using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Harness.Spec.Testing;

/// <summary>
/// Runs a document through both validators: the spec library's <see cref="SchemaValidator"/> and JsonSchema.Net 8 over
/// the <see cref="OpenApiToJsonSchema"/> translation of the same schema, at the same strictness. They must agree on
/// whether the document is valid; <see cref="Compare"/> describes any disagreement with the document's name and the
/// JSON paths each validator reported.
/// </summary>
public sealed class CrossValidator
{
    // A flag answer is cheap; the list (every error with its location) is only asked for to describe a failure.
    private static readonly EvaluationOptions Flag = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions List = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly SchemaValidator _ours;
    private readonly OpenApiToJsonSchema _translation;
    private readonly ConcurrentDictionary<JsonObject, JsonSchema> _theirs = new(ReferenceEqualityComparer.Instance);
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly string _definitionsUri;
    private int _built;

    public CrossValidator(SpecDocument spec, SchemaStrictness strictness)
    {
        _ours = new SchemaValidator(spec, strictness);
        _translation = new OpenApiToJsonSchema(spec, strictness);
        Spec = spec;
        // The component schemas are built once, as one document in this validator's own registry; each checked schema
        // is a small document referring into it.
        _definitionsUri = $"https://harness.test/spec/{strictness}.json";
        JsonSchema.Build(JsonSerializer.SerializeToElement(_translation.Definitions()), _build, new Uri(_definitionsUri));
    }

    public static CrossValidator AirlineApiAsWritten { get; } = new(SpecDocument.AirlineApi, SchemaStrictness.AsWritten);

    public static CrossValidator AirlineApiStrict { get; } = new(SpecDocument.AirlineApi, SchemaStrictness.Strict);

    /// <summary>Both strictness levels, for checks that hold at either.</summary>
    public static IReadOnlyList<CrossValidator> AirlineApi { get; } = [AirlineApiAsWritten, AirlineApiStrict];

    public SpecDocument Spec { get; }

    public SchemaStrictness Strictness => _ours.Strictness;

    /// <summary>Both verdicts on <paramref name="instance"/> against <paramref name="schema"/>.</summary>
    public CrossVerdict Check(JsonNode? instance, JsonObject schema)
    {
        var element = JsonSerializer.SerializeToElement(instance);
        var issues = _ours.Validate(element, schema);
        var schemaOfTheirs = Their(schema);
        if (schemaOfTheirs.Evaluate(element, Flag).IsValid)
        {
            return new CrossVerdict(issues, true, []);
        }

        var results = schemaOfTheirs.Evaluate(element, List);
        var errors = (results.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{Path(d.InstanceLocation.ToString())}: {e.Value} ({e.Key} at {d.EvaluationPath})"))
            .Distinct()
            .ToList();
        return new CrossVerdict(issues, results.IsValid, errors);
    }

    /// <summary>Null when both validators agree on <paramref name="instance"/>; else what each said, naming the document.</summary>
    public string? Compare(string document, JsonNode? instance, JsonObject schema)
    {
        var verdict = Check(instance, schema);
        return verdict.Agree ? null : $"{document} ({Strictness}): {verdict}";
    }

    /// <summary>The translated JSON Schema document for <paramref name="schema"/> (for reading when a check disagrees).</summary>
    public JsonObject Translated(JsonObject schema) => _translation.Document(schema, _definitionsUri);

    private JsonSchema Their(JsonObject schema) =>
        _theirs.GetOrAdd(schema, s => JsonSchema.Build(
            JsonSerializer.SerializeToElement(_translation.Document(s, _definitionsUri)),
            _build,
            new Uri($"https://harness.test/checked/{Interlocked.Increment(ref _built)}.json")));

    /// <summary>A JSON Pointer (<c>/itinerary/0/slices</c>) as the JSON path SchemaValidator's issues use (<c>$.itinerary[0].slices</c>).</summary>
    private static string Path(string pointer)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(int.TryParse(name, out _) ? $"[{name}]" : $".{name}");
        }

        return path.ToString();
    }
}

/// <summary>What SchemaValidator found (its issues) and what JsonSchema.Net found (valid, and its errors as JSON paths).</summary>
public sealed record CrossVerdict(IReadOnlyList<ValidationIssue> Ours, bool TheirsValid, IReadOnlyList<string> Theirs)
{
    public bool OursValid => Ours.Count == 0;

    public bool Agree => OursValid == TheirsValid;

    public override string ToString() =>
        $"SchemaValidator says {(OursValid ? "valid" : "invalid: " + string.Join("; ", Ours))}; "
        + $"JsonSchema.Net says {(TheirsValid ? "valid" : "invalid: " + string.Join("; ", Theirs))}";
}
