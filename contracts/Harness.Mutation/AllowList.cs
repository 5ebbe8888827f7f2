using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Mutation;

/// <summary>
/// Accepted survivors (contracts/mutation-allow.json). Each entry names the operators (<c>operator</c>, or
/// <c>operators</c> for several; their keys, e.g. <c>flip-type</c>), a target (field path such as
/// <c>$[*].itinerary.fare_rules[*].fee</c>, header or status) and optionally the interactions (<c>interaction</c>, or
/// <c>interactions</c> for several: patterns over the report's interaction name; all interactions when absent), with the
/// reason the drift is acceptable. A reason is mandatory. In patterns <c>*</c> matches any text, except in a target's
/// <c>[*]</c>, which is the report's "every element" marker and matches only itself (so
/// <c>$.itinerary.slices[*].fare_brand</c> does not also accept <c>$.itinerary.slices[*].segments[*].fare_brand</c>).
/// </summary>
public sealed class AllowList
{
    private readonly List<(AllowEntry Entry, HashSet<string> Operators, Regex Target, Regex[] Interactions)> _entries;

    private AllowList(IEnumerable<AllowEntry> entries) =>
        this._entries = [.. entries.Select(e => (
            e,
            e.AllOperators.ToHashSet(StringComparer.Ordinal),
            TargetGlob(e.Target),
            e.AllInteractions.Select(Glob).ToArray()))];

    public static AllowList Empty { get; } = new([]);

    public IReadOnlyList<AllowEntry> Entries => [.. _entries.Select(e => e.Entry)];

    public static AllowList Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} must be a JSON object with an \"allow\" array.");
        var list = new List<AllowEntry>();
        var keys = Enum.GetValues<DriftOperator>().Select(Drift.Key).ToList();
        foreach (var (item, index) in (root["allow"] as JsonArray ?? []).Select((item, index) => (item, index)))
        {
            var entry = item?.Deserialize<AllowEntry>(JsonOptions)
                ?? throw new InvalidDataException($"{path}: allow[{index}] is not an object.");
            if (string.IsNullOrWhiteSpace(entry.Reason) || entry.AllOperators.Count == 0 || string.IsNullOrWhiteSpace(entry.Target))
            {
                throw new InvalidDataException($"{path}: allow[{index}] needs \"operator\" (or \"operators\"), \"target\" and a \"reason\".");
            }

            if (entry.Operator is not null && entry.Operators is not null)
            {
                throw new InvalidDataException($"{path}: allow[{index}] has both \"operator\" and \"operators\"; keep one.");
            }

            if (entry.Interaction is not null && entry.Interactions is not null)
            {
                throw new InvalidDataException($"{path}: allow[{index}] has both \"interaction\" and \"interactions\"; keep one.");
            }

            if (entry.AllOperators.FirstOrDefault(o => !keys.Contains(o)) is { } unknown)
            {
                throw new InvalidDataException(
                    $"{path}: allow[{index}] names the operator '{unknown}'; use one of {string.Join(", ", keys)}.");
            }

            list.Add(entry);
        }

        return new AllowList(list);
    }

    /// <summary>The entry that accepts this survivor, or null.</summary>
    public AllowEntry? Find(string interaction, Drift drift) =>
        _entries.FirstOrDefault(e =>
            e.Operators.Contains(Drift.Key(drift.Operator))
            && e.Target.IsMatch(drift.Target)
            && (e.Interactions.Length == 0 || e.Interactions.Any(i => i.IsMatch(interaction)))).Entry;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static Regex Glob(string pattern) =>
        new("^" + Wildcards(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A target pattern: <c>[*]</c> is literal (the report's array marker), any other <c>*</c> a wildcard.</summary>
    private static Regex TargetGlob(string pattern) =>
        new("^" + string.Join(Regex.Escape(FieldPath.AnyElement), pattern.Split(FieldPath.AnyElement).Select(Wildcards)) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Wildcards(string pattern) => Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal);
}

/// <summary>One accepted survivor pattern and why it is acceptable (<c>operator</c> or <c>operators</c>; <c>interaction</c> or <c>interactions</c>).</summary>
public sealed record AllowEntry(
    string? Operator,
    string Target,
    string? Interaction,
    string Reason,
    IReadOnlyList<string>? Operators = null,
    IReadOnlyList<string>? Interactions = null)
{
    /// <summary>The operator keys this entry accepts.</summary>
    public IReadOnlyList<string> AllOperators =>
        Operators ?? (string.IsNullOrWhiteSpace(Operator) ? [] : [Operator]);

    /// <summary>The interaction patterns this entry accepts; empty for every interaction.</summary>
    public IReadOnlyList<string> AllInteractions => Interactions ?? (Interaction is null ? [] : [Interaction]);
}
