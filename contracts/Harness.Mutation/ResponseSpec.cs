using System.Text.Json.Nodes;

namespace Harness.Mutation;

/// <summary>One field a response schema defines, addressed the way pact matching rules address it.</summary>
/// <param name="Segments">Property names, and "[*]" for every element of an array.</param>
/// <param name="Type">The JSON type the spec gives it (string, integer, number, boolean, object, array), or null when it gives none.</param>
/// <param name="Enum">The values the spec allows, when it lists them.</param>
public sealed record SpecField(IReadOnlyList<string> Segments, bool Required, bool Nullable, string? Type, IReadOnlyList<JsonNode?>? Enum)
{
    /// <summary>The pact path of the field: <c>$[*].itinerary.fare_rules[*].refund_method</c>.</summary>
    public string Path => FieldPath.Format(Segments);

    public string Name => Segments[^1];
}

/// <summary>What the spec says one response of one operation holds: its body fields and its declared headers.</summary>
/// <param name="Operation">The operation id (Atlas: the endpoint's id in the coverage matrix).</param>
/// <param name="Fields">Every field the response schema defines, parents before children.</param>
/// <param name="RequiredHeaders">Headers the spec declares as required on this response.</param>
/// <param name="IsError">The response reports a failure (HTTP 4xx/5xx, or Atlas's non-zero body status).</param>
public sealed record ResponseSpec(string Operation, IReadOnlyList<SpecField> Fields, IReadOnlyList<string> RequiredHeaders, bool IsError);

/// <summary>Formats field paths as pact matching rules write them.</summary>
public static class FieldPath
{
    public const string AnyElement = "[*]";

    public static string Format(IEnumerable<string> segments)
    {
        var text = new System.Text.StringBuilder("$");
        foreach (var segment in segments)
        {
            text.Append(segment == AnyElement ? segment : "." + segment);
        }

        return text.ToString();
    }
}
