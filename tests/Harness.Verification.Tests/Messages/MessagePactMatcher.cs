using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Verification.Tests.Messages;

/// <summary>One message interaction of a V4 pact: its example content and the body matching rules.</summary>
public sealed record PactMessage(string Description, IReadOnlyList<(string Name, JsonObject Params)> ProviderStates, JsonNode Content, JsonObject Rules)
{
    /// <summary>The V4 asynchronous message interactions of the pact file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<PactMessage> Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return [.. root["interactions"]!.AsArray().OfType<JsonObject>()
            .Where(i => (string?)i["type"] == "Asynchronous/Messages")
            .Select(i => new PactMessage(
                (string)i["description"]!,
                [.. (i["providerStates"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(s => ((string)s["name"]!, s["params"] as JsonObject ?? []))],
                i["contents"]!["content"]!,
                i["matchingRules"]?["body"] as JsonObject ?? []))];
    }
}

/// <summary>
/// The provider half of a message pact without a message transport: does a message the provider really produces
/// satisfy the consumer's example and matching rules? Walks the example; at each path applies the rule recorded for it
/// (array indices also looked up as [*]), else equality. Handles the rules the harness's Match.* write: type (with
/// min), regex, integer, decimal, number, equality, null. Extra keys in the actual message are allowed, as in Pact.
/// </summary>
public static class MessagePactMatcher
{
    public static IReadOnlyList<string> Mismatches(PactMessage message, JsonNode? actual)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mismatches = new List<string>();
        Compare(message.Content, actual, "$", message.Rules, cascadedType: false, mismatches);
        return mismatches;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, JsonObject rules, bool cascadedType, List<string> mismatches)
    {
        var rule = RuleFor(path, rules);
        var kind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        var matcher = (string?)rule?["match"] ?? (cascadedType ? "type" : null);

        switch (matcher)
        {
            case "regex":
                var pattern = (string)rule!["regex"]!;
                if (actualKind != JsonValueKind.String || !Regex.IsMatch((string)actual!, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                    mismatches.Add($"{path}: expected a string matching {pattern}, got {Show(actual)}");
                return;
            case "integer":
                if (actualKind != JsonValueKind.Number || !long.TryParse(actual!.ToJsonString(), out _))
                    mismatches.Add($"{path}: expected an integer, got {Show(actual)}");
                return;
            case "decimal" or "number":
                if (actualKind != JsonValueKind.Number)
                    mismatches.Add($"{path}: expected a number, got {Show(actual)}");
                return;
            case "null":
                if (actualKind != JsonValueKind.Null)
                    mismatches.Add($"{path}: expected null, got {Show(actual)}");
                return;
            case "equality":
                if (!JsonNode.DeepEquals(expected, actual))
                    mismatches.Add($"{path}: expected exactly {Show(expected)}, got {Show(actual)}");
                return;
            case "type":
                if (!SameKind(kind, actualKind))
                {
                    mismatches.Add($"{path}: expected a {kind}, got {Show(actual)}");
                    return;
                }

                if (rule?["min"] is JsonValue min && actual is JsonArray sized && sized.Count < (int)min)
                    mismatches.Add($"{path}: expected at least {(int)min} items, got {sized.Count}");
                break;
            case null:
                if (expected is not (JsonObject or JsonArray) && !JsonNode.DeepEquals(expected, actual))
                {
                    mismatches.Add($"{path}: expected exactly {Show(expected)}, got {Show(actual)}");
                    return;
                }

                break;
            default:
                mismatches.Add($"{path}: the rule '{matcher}' is not one this check knows");
                return;
        }

        var typed = matcher == "type";
        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name))
                        mismatches.Add($"{path}.{name}: missing");
                    else
                        Compare(value, actualObject[name], $"{path}.{name}", rules, typed, mismatches);
                }

                break;
            case JsonObject:
                mismatches.Add($"{path}: expected an object, got {Show(actual)}");
                break;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (!typed && expectedArray.Count != actualArray.Count)
                {
                    mismatches.Add($"{path}: expected {expectedArray.Count} items, got {actualArray.Count}");
                    break;
                }

                for (var i = 0; i < actualArray.Count && expectedArray.Count > 0; i++)
                    Compare(expectedArray[typed ? 0 : i], actualArray[i], $"{path}[{i}]", rules, typed, mismatches);
                break;
            case JsonArray:
                mismatches.Add($"{path}: expected an array, got {Show(actual)}");
                break;
        }
    }

    private static JsonObject? RuleFor(string path, JsonObject rules)
    {
        var wildcard = Regex.Replace(path, @"\[\d+\]", "[*]");
        var entry = rules[path] ?? rules[wildcard];
        return entry?["matchers"] is JsonArray { Count: > 0 } matchers ? matchers[0] as JsonObject : null;
    }

    private static bool SameKind(JsonValueKind expected, JsonValueKind actual) =>
        expected == actual || (expected is JsonValueKind.True or JsonValueKind.False && actual is JsonValueKind.True or JsonValueKind.False);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
