using System.Globalization;
using System.Text.Json.Nodes;
using Harness.Spec;

namespace Harness.Mutation;

/// <summary>
/// The Airline API's response schemas, read from the repository's spec copy through <see cref="SpecDocument"/>: every
/// property (at every depth, through $ref, allOf and arrays) with its type, enum, nullability and whether it is required,
/// and the headers each response declares as required.
/// </summary>
public sealed class AirlineResponseSpecs
{
    private const int MaxDepth = 12;
    private readonly SpecDocument _spec;

    public AirlineResponseSpecs(SpecDocument spec) => this._spec = spec;

    /// <summary>The response <paramref name="status"/> of <paramref name="operationId"/>, or null when the spec does not declare it.</summary>
    public ResponseSpec? Find(string operationId, int status)
    {
        var operation = _spec.Operation(operationId);
        if (operation["responses"]?[status.ToString(CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return null;
        }

        var fields = new List<SpecField>();
        if (response["content"]?["application/json"]?["schema"] is JsonObject schema)
        {
            Walk(schema, [], fields, 0);
        }

        var headers = response["headers"] is JsonObject declared
            ? declared.Where(h => h.Value?["required"] is JsonValue required && required.GetValue<bool>()).Select(h => h.Key).ToList()
            : [];
        return new ResponseSpec(operationId, fields, headers, status >= 400);
    }

    private void Walk(JsonObject schema, List<string> prefix, List<SpecField> fields, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var parts = Flatten(schema).ToList();
        if (parts.Any(p => p["oneOf"] is not null || p["anyOf"] is not null))
        {
            // A polymorphic value (browser, channel): its properties depend on the variant; the type matcher of the
            // whole value is what a pact can pin.
            return;
        }

        if (parts.Select(p => p["items"]).OfType<JsonObject>().FirstOrDefault() is { } items)
        {
            Walk(items, [.. prefix, FieldPath.AnyElement], fields, depth + 1);
            return;
        }

        var required = parts.SelectMany(p => p["required"] as JsonArray ?? []).Select(r => (string?)r).ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part["properties"] is not JsonObject properties)
            {
                continue;
            }

            foreach (var (name, propertyNode) in properties)
            {
                if (propertyNode is not JsonObject property || !seen.Add(name))
                {
                    continue;
                }

                var propertyParts = Flatten(property).ToList();
                var type = propertyParts.Select(p => (string?)p["type"]).FirstOrDefault(t => t is not null)
                    ?? (propertyParts.Any(p => p["properties"] is not null) ? "object" : null);
                var values = propertyParts.Select(p => p["enum"]).OfType<JsonArray>().FirstOrDefault()?.Select(v => v?.DeepClone()).ToList();
                var nullable = propertyParts.Any(p => p["nullable"] is JsonValue n && n.GetValue<bool>());
                List<string> path = [.. prefix, name];
                fields.Add(new SpecField(path, required.Contains(name), nullable, type, values));
                if (propertyParts.Any(p => p["additionalProperties"] is not null && p["properties"] is null))
                {
                    continue; // a map: its keys are free
                }

                Walk(property, path, fields, depth + 1);
            }
        }
    }

    /// <summary>The schema itself and, through $ref and allOf, every schema it is made of.</summary>
    private IEnumerable<JsonObject> Flatten(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            foreach (var part in Flatten(_spec.Resolve((string)reference!)))
            {
                yield return part;
            }

            yield break;
        }

        yield return schema;
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf.OfType<JsonObject>().SelectMany(Flatten))
            {
                yield return part;
            }
        }
    }
}
