using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Mutation;

/// <summary>The ways a provider's response can drift from the spec (issue 16), in report order.</summary>
public enum DriftOperator
{
    DropRequired,
    FlipType,
    EnumDrift,
    CamelCase,
    StatusShift,
    DropHeader,
    EmptyErrorBody,
    NullRequired,
}

/// <summary>The response as the proxy is about to send it, open to one drift.</summary>
public sealed class ProviderResponse
{
    public required int Status { get; set; }

    /// <summary>Response headers (content headers included), by name, case-insensitive.</summary>
    public required Dictionary<string, string[]> Headers { get; init; }

    public required byte[] Body { get; set; }

    public ProviderResponse Clone() => new()
    {
        Status = Status,
        Headers = Headers.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
        Body = [.. Body],
    };

    public bool IsJson => Headers.TryGetValue("Content-Type", out var type) && type.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One spec-forbidden change to one interaction's response.</summary>
/// <param name="Target">The field path, header name or status the drift changes.</param>
/// <param name="Change">What it does, in words (stable: it never shows provider data).</param>
public sealed record Drift(DriftOperator Operator, string Target, string Change, SpecField? Field = null)
{
    public static string Name(DriftOperator op) => op switch
    {
        DriftOperator.DropRequired => "drop a required field",
        DriftOperator.FlipType => "flip a type",
        DriftOperator.EnumDrift => "drift an enum",
        DriftOperator.CamelCase => "rename to camelCase",
        DriftOperator.StatusShift => "shift the status",
        DriftOperator.DropHeader => "drop a declared header",
        DriftOperator.EmptyErrorBody => "empty an error body",
        DriftOperator.NullRequired => "null a required field",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>The allow-list's and report's key of an operator: its enum name in kebab case (drop-required, flip-type…).</summary>
    public static string Key(DriftOperator op) => JsonNamingPolicy.KebabCaseLower.ConvertName(op.ToString());

    /// <summary>The status a "shift the status" drift answers instead of <paramref name="status"/>: a neighbour the client tells apart.</summary>
    public static int ShiftedStatus(int status) => status switch
    {
        200 => 201,
        201 => 200,
        204 => 200,
        400 => 422,
        401 => 403,
        403 => 401,
        404 => 410,
        422 => 400,
        429 => 503,
        _ => status < 500 ? 500 : 400,
    };

    /// <summary>Applies the drift; false when it changed nothing (the provider's response lacks the field or header).</summary>
    public bool Apply(ProviderResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        switch (Operator)
        {
            case DriftOperator.StatusShift:
                response.Status = ShiftedStatus(response.Status);
                return true;
            case DriftOperator.DropHeader:
                return response.Headers.Remove(Target);
            case DriftOperator.EmptyErrorBody:
                if (response.Body.Length == 0)
                {
                    return false;
                }

                response.Body = [];
                return true;
        }

        if (!response.IsJson || response.Body.Length == 0 || Field is null)
        {
            return false;
        }

        var root = JsonNode.Parse(response.Body);
        if (root is null)
        {
            return false;
        }

        var changed = Each(root, Field.Segments, 0, ChangeField);
        if (changed)
        {
            response.Body = JsonSerializer.SerializeToUtf8Bytes(root);
        }

        return changed;
    }

    private bool ChangeField(JsonObject parent, string name)
    {
        if (!parent.TryGetPropertyValue(name, out var value))
        {
            return false;
        }

        switch (Operator)
        {
            case DriftOperator.DropRequired:
                parent.Remove(name);
                return true;
            case DriftOperator.NullRequired:
                if (value is null)
                {
                    return false;
                }

                parent[name] = null;
                return true;
            case DriftOperator.CamelCase:
                parent.Remove(name);
                parent[CamelCase(name)] = value;
                return true;
            case DriftOperator.FlipType:
                if (value is null)
                {
                    return false;
                }

                parent[name] = Flip(value);
                return true;
            case DriftOperator.EnumDrift:
                if (value is not JsonValue scalar)
                {
                    return false;
                }

                parent[name] = OutsideEnum(scalar, Field!.Enum ?? []);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Runs <paramref name="change"/> on every object that holds the field (every element under "[*]").</summary>
    private static bool Each(JsonNode node, IReadOnlyList<string> segments, int index, Func<JsonObject, string, bool> change)
    {
        var segment = segments[index];
        var last = index == segments.Count - 1;
        if (segment == FieldPath.AnyElement)
        {
            if (node is not JsonArray array || last)
            {
                return false;
            }

            var any = false;
            foreach (var item in array.ToList())
            {
                any |= item is not null && Each(item, segments, index + 1, change);
            }

            return any;
        }

        if (node is not JsonObject obj)
        {
            return false;
        }

        if (last)
        {
            return change(obj, segment);
        }

        return obj[segment] is { } child && Each(child, segments, index + 1, change);
    }

    public static string CamelCase(string name)
    {
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0
            ? name
            : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>The same value in another JSON type: "400.00" → 400.00, "FTC" → 42, 4 → "4", true → "true", {} → [], [] → {}.</summary>
    public static JsonNode Flip(JsonNode value) => value switch
    {
        JsonObject => new JsonArray(),
        JsonArray => new JsonObject(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            decimal.TryParse((string)v!, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(42),
        JsonValue v => JsonValue.Create(v.ToJsonString()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    /// <summary>A value outside the enum: "FTC" → "ftc" (or "cash" → "CASH"), else the value with a suffix; integers → 4242.</summary>
    public static JsonNode OutsideEnum(JsonValue value, IReadOnlyList<JsonNode?> allowed)
    {
        var texts = allowed.Select(a => a?.ToJsonString()).ToHashSet();
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return JsonValue.Create(4242);
        }

        var text = (string)value!;
        foreach (var candidate in new[] { text.ToLowerInvariant(), text.ToUpperInvariant(), text + "_drift" })
        {
            if (candidate != text && !texts.Contains(JsonValue.Create(candidate).ToJsonString()))
            {
                return JsonValue.Create(candidate);
            }
        }

        return JsonValue.Create(text + "_drift");
    }
}
