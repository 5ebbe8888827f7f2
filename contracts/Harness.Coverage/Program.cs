using System.CommandLine;
using System.Text;
using Harness.Coverage;

// dotnet run --project contracts/Harness.Coverage [-- --write contracts/COVERAGE.md] [--pacts DIR] [--repo DIR] [--require-all]
var repoOption = new Option<DirectoryInfo>("--repo") { Description = "Repository root (the folder holding Harness.sln). Default: found above the current folder." };
var pactsOption = new Option<DirectoryInfo>("--pacts") { Description = "Folder of pact files. Default: contracts/pacts." };
var writeOption = new Option<FileInfo>("--write") { Description = "Also render the matrix as Markdown into this file (e.g. contracts/COVERAGE.md)." };
var requireAllOption = new Option<bool>("--require-all") { Description = "Exit 1 when an operation has no interaction or an interaction drifts from the spec." };
var root = new RootCommand("Coverage matrix: spec operations x declared status codes, and which pact interactions pin them.")
{
    repoOption, pactsOption, writeOption, requireAllOption,
};
root.SetAction(async (result, ct) =>
{
    CoverageMatrix matrix;
    try
    {
        var repo = result.GetValue(repoOption)?.FullName ?? CoverageSources.FindRepoRoot(Directory.GetCurrentDirectory());
        matrix = CoverageSources.Build(repo, result.GetValue(pactsOption)?.FullName);
    }
    catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
    {
        await Console.Error.WriteLineAsync(error.Message);
        return 2;
    }

    Console.Write(matrix.ToText());
    if (result.GetValue(writeOption) is { } output)
    {
        await File.WriteAllTextAsync(output.FullName, matrix.ToMarkdown(), new UTF8Encoding(false), ct);
        Console.WriteLine($"Wrote {output.FullName}");
    }

    var drift = matrix.Specs.Sum(s => s.Unmatched.Count + s.Rows.Sum(r => r.UndeclaredStatuses.Count));
    drift += matrix.Messages.Sum(m => m.Unmatched.Count);
    var incomplete = matrix.PinnedOperationCount < matrix.OperationCount || matrix.UncoveredMessageTypes.Any();
    return result.GetValue(requireAllOption) && (incomplete || drift > 0) ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();
