namespace Harness.Contracts.Atlas;

/// <summary>
/// The staging half of every contracts fixture (airline, Atlas HTTP, Atlas messages): tests merge into a private staging
/// folder, and at the end of the run the staged pact replaces the published one in contracts/pacts (atomically) when it
/// holds every interaction the published pact holds. Nothing counts tests: a [Theory] case, or a test written without
/// any bookkeeping, is in the pact because its verification merged it there. New interactions are published; an
/// interaction the run did not produce keeps the published pact unchanged and is named. On a run of every test
/// (<see cref="ContractRunPlan"/>: always in CI) that is a failure; on a filtered run it is a note on stderr.
/// </summary>
public sealed class StagedPactFile
{
    /// <summary>Set to true to publish a pact that drops interactions on purpose (an unfiltered run only).</summary>
    public const string PruneVariable = "HARNESS_PACT_PRUNE";

    private int _decided;

    /// <param name="consumerVariable">Environment variable that overrides <paramref name="defaultConsumer"/>.</param>
    /// <param name="providerVariable">Environment variable that overrides <paramref name="defaultProvider"/>.</param>
    /// <param name="pactDir">Where the finished pact is published (default contracts/pacts).</param>
    public StagedPactFile(string consumerVariable, string defaultConsumer, string providerVariable, string defaultProvider, string? pactDir = null)
    {
        Consumer = Setting(consumerVariable, defaultConsumer);
        Provider = Setting(providerVariable, defaultProvider);
        StagingDir = Path.Combine(AppContext.BaseDirectory, "pacts-staging-" + Consumer + "-" + Provider);
        PactDir = pactDir ?? PactTools.DefaultPactDir;
    }

    public string Consumer { get; }

    public string Provider { get; }

    public string StagingDir { get; }

    public string PactDir { get; }

    /// <summary>The published pact file of this consumer and provider.</summary>
    public string PactFile => Path.Combine(PactDir, FileName);

    /// <summary>The pact the tests merge into while the run lasts.</summary>
    public string StagedFile => Path.Combine(StagingDir, FileName);

    private string FileName => $"{Consumer}-{Provider}.json";

    public void Prepare()
    {
        if (Directory.Exists(StagingDir))
        {
            Directory.Delete(StagingDir, recursive: true);
        }

        Directory.CreateDirectory(StagingDir);
    }

    /// <summary>The published pact's interactions the staged pact lacks ("description [given states]"), in file order.</summary>
    public IReadOnlyList<string> MissingInteractions()
    {
        var staged = Interactions(StagedFile).ToHashSet(StringComparer.Ordinal);
        return [.. Interactions(PactFile).Where(i => !staged.Contains(i))];
    }

    /// <summary>
    /// Publishes the staged pact when it lacks none of the published pact's interactions (or <see cref="PruneVariable"/>
    /// allows it on a run of every test). Otherwise leaves the published pact unchanged and, when
    /// <paramref name="everyTestRan"/>, throws naming the missing interactions.
    /// </summary>
    /// <exception cref="InvalidOperationException">Every test ran, and the pact could not be published.</exception>
    public void Publish(bool everyTestRan)
    {
        // Once per run: the collection's last test decides, and the fixture's dispose only when that test did not run.
        if (Interlocked.Exchange(ref _decided, 1) == 1)
        {
            return;
        }

        var missing = MissingInteractions();
        var prune = everyTestRan && string.Equals(Environment.GetEnvironmentVariable(PruneVariable), "true", StringComparison.OrdinalIgnoreCase);
        if (File.Exists(StagedFile) && (missing.Count == 0 || prune))
        {
            PactPublisher.Publish(StagedFile, PactFile);
            return;
        }

        var what = File.Exists(StagedFile)
            ? $"the run did not produce {missing.Count} of its interactions:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", missing)}"
            : "no test verified an interaction of it";
        var message = $"Contracts: {PactFile} was left unchanged: {what}{Environment.NewLine}" +
            "A failing test above is the usual cause. If an interaction was removed or renamed on purpose, publish the new pact with " +
            $"`{PruneVariable}=true dotnet test contracts/Harness.Contracts`.";
        if (everyTestRan)
        {
            throw new InvalidOperationException(message);
        }

        Console.Error.WriteLine(message + $"{Environment.NewLine}(A filtered run never publishes a partial pact.)");
    }

    /// <summary>Each interaction of a pact file as "description [given state {params}; …]"; none when there is no file.</summary>
    public static IEnumerable<string> Interactions(string pactFile)
    {
        if (!File.Exists(pactFile))
        {
            yield break;
        }

        foreach (var interaction in JsonNode.Parse(File.ReadAllText(pactFile))!["interactions"]?.AsArray() ?? [])
        {
            var states = interaction!["providerStates"]?.AsArray().Select(s => $"{(string?)s!["name"]} {s["params"]?.ToJsonString() ?? "{}"}") ?? [];
            var given = string.Join("; ", states);
            yield return given.Length == 0 ? (string)interaction["description"]! : $"{(string)interaction["description"]!} [given {given}]";
        }
    }

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : fallback;
}
