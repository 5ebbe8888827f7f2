using System.Text.Json.Nodes;

namespace Harness.Sandbox.Admin;

/// <summary>Removes or renames a (dotted) field in a response, in every element when the response is an array.</summary>
internal static class ResponseBreaker
{
    public static void Apply(JsonNode response, ResponseBreak defect)
    {
        if (response is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Apply(item, defect);
                }
            }

            return;
        }

        var parts = defect.Field.Split('.');
        var parent = response;
        foreach (var part in parts[..^1])
        {
            parent = parent?[part];
        }

        if (parent is JsonObject obj && obj.Remove(parts[^1], out var value) && defect.RenameTo is { } rename)
        {
            obj[rename] = value;
        }
    }
}
