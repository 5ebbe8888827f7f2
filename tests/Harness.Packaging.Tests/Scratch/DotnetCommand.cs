using System.Diagnostics;
using System.Text;

namespace Harness.Packaging.Tests.Scratch;

/// <summary>The output and exit code of one <c>dotnet</c> command.</summary>
public sealed record DotnetResult(string Command, int ExitCode, string Output)
{
    /// <summary>The last lines of the output, enough to read a build or test failure in an assertion message.</summary>
    public string Tail(int lines = 60) => string.Join(Environment.NewLine, Output.Split('\n').TakeLast(lines));
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process, bounded in time: on time-out the whole process tree is killed and the
/// command fails naming itself. MSBuild variables inherited from the <c>dotnet test</c> that runs these tests are
/// dropped, so the child is an ordinary command line, as a partner would type it.
/// </summary>
public static class DotnetCommand
{
    public static Task<DotnetResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables to set in the child's environment; a null value removes the variable.</param>
    public static async Task<DotnetResult> RunAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = $"dotnet {string.Join(' ', arguments)} (in {workingDirectory})";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{command} did not finish within {timeout}. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        process.WaitForExit();
        return new DotnetResult(command, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
