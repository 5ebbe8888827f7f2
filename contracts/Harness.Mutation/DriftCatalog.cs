namespace Harness.Mutation;

/// <summary>Every spec-forbidden drift of one response, derived from what the spec says the response holds.</summary>
public static class DriftCatalog
{
    /// <param name="spec">What the spec defines for the response.</param>
    /// <param name="status">The status the interaction expects.</param>
    /// <param name="hasBody">Whether the interaction expects a body (an error body can only be emptied when there is one).</param>
    public static IReadOnlyList<Drift> For(ResponseSpec spec, int status, bool hasBody)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var drifts = new List<Drift>();
        foreach (var field in spec.Fields)
        {
            if (field.Required)
            {
                drifts.Add(new Drift(DriftOperator.DropRequired, field.Path, "removed", field));
            }

            if (field.Type is { } type)
            {
                drifts.Add(new Drift(DriftOperator.FlipType, field.Path, $"{type} → {FlippedType(type)}", field));
            }

            if (field.Enum is { Count: > 0 } values)
            {
                drifts.Add(new Drift(DriftOperator.EnumDrift, field.Path, $"a value outside {{{string.Join(", ", values.Select(v => v?.ToJsonString()))}}}", field));
            }

            if (field.Name.Contains('_', StringComparison.Ordinal) && Drift.CamelCase(field.Name) != field.Name)
            {
                drifts.Add(new Drift(DriftOperator.CamelCase, field.Path, $"{field.Name} → {Drift.CamelCase(field.Name)}", field));
            }

            if (field.Required && !field.Nullable)
            {
                drifts.Add(new Drift(DriftOperator.NullRequired, field.Path, "null", field));
            }
        }

        drifts.Add(new Drift(DriftOperator.StatusShift, status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status} → {Drift.ShiftedStatus(status)}"));
        drifts.AddRange(spec.RequiredHeaders.Select(h => new Drift(DriftOperator.DropHeader, h, "removed")));
        if (spec.IsError && hasBody)
        {
            drifts.Add(new Drift(DriftOperator.EmptyErrorBody, "body", "no body"));
        }

        return drifts;
    }

    private static string FlippedType(string type) => type switch
    {
        "string" => "number",
        "object" => "array",
        "array" => "object",
        _ => "string",
    };
}
