using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Mutation;

/// <summary>
/// The Atlas responses, read from the repository's reference (contracts/spec/atlas-notifications.md): the envelope
/// every answer carries (§2: <c>status</c> int, <c>msg</c>), the incident list's page (§3.2: <c>records</c> and the
/// record table) and the bare HTTP 429 (§6). Enums come from the reference's own lists: <c>eventType</c> is one of the
/// incident types, <c>eventStatus</c> 0 or 1.
/// </summary>
public static partial class AtlasResponseSpecs
{
    public static ResponseSpec? Find(string referencePath, string operationId, int httpStatus, JsonNode? body)
    {
        var reference = File.ReadAllText(referencePath);
        if (httpStatus == 429)
        {
            // §6 documents the 429 itself, neither its body nor a header.
            return new ResponseSpec(operationId, [], [], IsError: true);
        }

        if (httpStatus != 200)
        {
            return null;
        }

        var outcome = body?["status"] is JsonValue s ? s.GetValue<int>() : 0;
        List<SpecField> fields = [new(["status"], true, false, "integer", null), new(["msg"], false, true, "string", null)];
        if (operationId == "getPageList" && outcome == 0)
        {
            fields.Add(new(["records"], true, false, "array", null));
            var section = Section(reference, "### 3.2", "### 3.3");
            var incidentTypes = BacktickedRow(section, "eventType");
            foreach (Match row in RecordRow().Matches(section[section.IndexOf("each `records[]` item", StringComparison.Ordinal)..]))
            {
                var name = row.Groups["name"].Value;
                var type = row.Groups["type"].Value.Split('|')[0] switch
                {
                    "int" or "integer" => "integer",
                    var t => t,
                };
                IReadOnlyList<JsonNode?>? values = name switch
                {
                    "eventType" => incidentTypes,
                    "eventStatus" => [0, 1],
                    _ => null,
                };
                fields.Add(new(["records", FieldPath.AnyElement, name], false, row.Groups["type"].Value.Contains("null", StringComparison.Ordinal), type, values));
            }
        }

        return new ResponseSpec(operationId, fields, [], IsError: outcome != 0);
    }

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return from < 0 || to < 0 ? throw new InvalidDataException($"The Atlas reference has no section {start}.") : text[from..to];
    }

    /// <summary>The backticked values of the first table row for <paramref name="field"/> (the request table lists the incident types).</summary>
    private static List<JsonNode?> BacktickedRow(string section, string field)
    {
        var line = section.Split('\n').First(l => l.StartsWith($"| {field} |", StringComparison.Ordinal));
        return [.. Backticked().Matches(line).Select(m => (JsonNode?)JsonValue.Create(m.Groups[1].Value))];
    }

    [GeneratedRegex(@"^\| (?<name>[A-Za-z]+) \| (?<type>[a-z|]+) \|", RegexOptions.Multiline)]
    private static partial Regex RecordRow();

    [GeneratedRegex("`([a-z]+\\.[a-z]+)`")]
    private static partial Regex Backticked();
}
