using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Harness.Coverage;
using Harness.Mutation;
using Harness.Pact;

// dotnet run --project contracts/Harness.Mutation [-- --write contracts/MUTATION.md] [--pacts DIR] [--allow FILE] [--repo DIR]
var repoOption = new Option<DirectoryInfo>("--repo") { Description = "Repository root (the folder holding Harness.sln). Default: found above the current folder." };
var pactsOption = new Option<DirectoryInfo>("--pacts") { Description = "Folder of pact files. Default: contracts/pacts." };
var allowOption = new Option<FileInfo>("--allow") { Description = "Allow-list of accepted survivors. Default: contracts/mutation-allow.json." };
var writeOption = new Option<FileInfo>("--write") { Description = "Write the report as Markdown into this file (e.g. contracts/MUTATION.md)." };
var root = new RootCommand("Mutation score of the pacts: every spec-forbidden drift of every HTTP interaction, served from the sandbox and judged by the verifier. Exits 1 when a drift survives that the allow-list does not accept.")
{
    repoOption, pactsOption, allowOption, writeOption,
};
root.SetAction(async (result, ct) =>
{
    var watch = Stopwatch.StartNew();
    MutationReport report;
    try
    {
        // Every request of this run goes to the in-process sandbox over plain HTTP on 127.0.0.1: the engine need not read
        // the system's trust store for each of the ~6,600 drifts it verifies (116 s -> 42 s for the whole run).
        PactEngine.UseTrustStore(PactTools.LoopbackTrustStore);
        var repo = result.GetValue(repoOption)?.FullName ?? CoverageSources.FindRepoRoot(Directory.GetCurrentDirectory());
        var allow = AllowList.Load(result.GetValue(allowOption)?.FullName ?? MutationSources.AllowListPath(repo));
        var interactions = await MutationRun.RunAsync(repo, result.GetValue(pactsOption)?.FullName, Console.Error);
        report = new MutationReport(interactions, allow);
    }
    catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
    {
        await Console.Error.WriteLineAsync(error.Message);
        return 2;
    }

    if (result.GetValue(writeOption) is { } output)
    {
        await File.WriteAllTextAsync(output.FullName, report.ToMarkdown(), new UTF8Encoding(false), ct);
        Console.WriteLine($"Wrote {output.FullName}");
    }

    foreach (var survivor in report.Unexplained)
    {
        Console.WriteLine($"SURVIVED {survivor.Interaction.Interaction}: {Drift.Key(survivor.Drift.Operator)} {survivor.Drift.Target} ({survivor.Drift.Change}); let through by {survivor.Rule}");
    }

    foreach (var stale in report.UnusedAllowEntries)
    {
        Console.WriteLine($"Allow-list entry no survivor needs (remove it): {string.Join(",", stale.AllOperators)} {stale.Target} {string.Join(" | ", stale.AllInteractions)}");
    }

    Console.WriteLine(report.TotalLine());
    Console.WriteLine($"Run time: {watch.Elapsed.TotalSeconds:F1} s");
    return report.Unexplained.Any() ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();
