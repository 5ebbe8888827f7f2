using System.CommandLine;

namespace Harness.Load.Cli;

/// <summary>
/// <c>Run(["merge", …])</c>: the merge's command line, so a partner's console app (and the airline CLI) merge a
/// distributed test's agent folders with the registered scenarios' thresholds:
/// <c>merge &lt;agent-dir&gt;… --out &lt;dir&gt; [--baseline file] [--save-baseline file] [--quiet]</c>.
/// </summary>
internal static class MergeArgs
{
    public const string Usage = "merge <agent-dir>... --out <dir> [--baseline <summary.json>] [--save-baseline <file>] [--quiet]";

    private static readonly Argument<string[]> Folders = new("agent-dir") { Description = "Each agent's output folder (its agent.json).", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string?> Out = new("--out") { Description = "Folder for the merged summary.json, report.md/.csv/.html/.txt and agent.json." };
    private static readonly Option<string?> Baseline = new("--baseline") { Description = "Compare the merged result with this baseline; exit 1 outside the tolerances." };
    private static readonly Option<string?> SaveBaseline = new("--save-baseline") { Description = "Write the merged summary as a baseline file." };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Do not print report.md." };

    /// <summary>The request, or null with <paramref name="error"/> naming what is wrong.</summary>
    public static MergeRequest? Parse(string[] args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Harness.Load merge") { Folders, Out, Baseline, SaveBaseline, Quiet };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error = $"merge: {parsed.Errors[0].Message}; usage: {Usage}";
            return null;
        }

        if (parsed.GetValue(Out) is not { Length: > 0 } outDir)
        {
            error = $"merge needs --out <dir>; usage: {Usage}";
            return null;
        }

        error = null;
        return new MergeRequest(parsed.GetValue(Folders) ?? [], outDir, parsed.GetValue(Baseline), parsed.GetValue(SaveBaseline), parsed.GetValue(Quiet));
    }
}

/// <summary>A parsed <c>merge</c> command line.</summary>
internal sealed record MergeRequest(IReadOnlyList<string> Folders, string Out, string? Baseline, string? SaveBaseline, bool Quiet)
{
    /// <summary>The context with the request's report folder, baseline and quietness applied.</summary>
    public LoadRunnerContext Apply(LoadRunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context with
        {
            ReportFolder = Out,
            BaselinePath = Baseline ?? context.BaselinePath,
            SaveBaselinePath = SaveBaseline ?? context.SaveBaselinePath,
            Quiet = Quiet || context.Quiet,
        };
    }
}
