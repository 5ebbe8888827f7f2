using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harness.Mutation;

/// <summary>
/// Accepted survivors (contracts/mutation-allow.json): each entry names an operator (its key, e.g. <c>flip-type</c>),
/// a target (field path such as <c>$[*].ext_attributes</c>, header or status; <c>*</c> matches anything) and optionally an
/// interaction (a pattern over the report's interaction name, <c>*</c> for any text; all interactions when absent), with
/// the reason the drift is acceptable. A reason is mandatory.
/// </summary>
public sealed class AllowList
{
    private readonly List<(AllowEntry Entry, Regex Target, Regex Interaction)> entries;

    private AllowList(IEnumerable<AllowEntry> entries) =>
        this.entries = [.. entries.Select(e => (e, Glob(e.Target), Glob(e.Interaction ?? "*")))];

    public static AllowList Empty { get; } = new([]);

    public IReadOnlyList<AllowEntry> Entries => [.. entries.Select(e => e.Entry)];

    public static AllowList Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} must be a JSON object with an \"allow\" array.");
        var list = new List<AllowEntry>();
        foreach (var (item, index) in (root["allow"] as JsonArray ?? []).Select((item, index) => (item, index)))
        {
            var entry = item?.Deserialize<AllowEntry>(JsonOptions)
                ?? throw new InvalidDataException($"{path}: allow[{index}] is not an object.");
            if (string.IsNullOrWhiteSpace(entry.Reason) || string.IsNullOrWhiteSpace(entry.Operator) || string.IsNullOrWhiteSpace(entry.Target))
            {
                throw new InvalidDataException($"{path}: allow[{index}] needs \"operator\", \"target\" and a \"reason\".");
            }

            if (!Enum.GetValues<DriftOperator>().Any(o => Drift.Key(o) == entry.Operator))
            {
                throw new InvalidDataException(
                    $"{path}: allow[{index}] names the operator '{entry.Operator}'; use one of {string.Join(", ", Enum.GetValues<DriftOperator>().Select(Drift.Key))}.");
            }

            list.Add(entry);
        }

        return new AllowList(list);
    }

    /// <summary>The entry that accepts this survivor, or null.</summary>
    public AllowEntry? Find(string interaction, Drift drift) =>
        entries.FirstOrDefault(e => e.Entry.Operator == Drift.Key(drift.Operator) && e.Target.IsMatch(drift.Target) && e.Interaction.IsMatch(interaction)).Entry;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>One accepted survivor pattern and why it is acceptable.</summary>
public sealed record AllowEntry(string Operator, string Target, string? Interaction, string Reason);
