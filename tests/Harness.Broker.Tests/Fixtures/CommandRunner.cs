using System.Diagnostics;
using System.Reflection;
using Harness.Pact;

namespace Harness.Broker.Tests.Fixtures;

/// <summary>What a child process printed and how it exited.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the official pact CLI (installed by the build from tools/pact) and the tools/pact/broker script as child
/// processes, with a clean broker environment, PACT_DO_NOT_TRACK=true, captured output and a bounded run time.
/// </summary>
public static class CommandRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // Variables a developer's or CI shell may carry that would change what the CLI or the script does.
    private static readonly string[] InheritedPrefixes = ["PACT_", "HARNESS_", "GITHUB_"];

    public static string PactCli { get; } = Metadata("HarnessPactCli");

    public static string RepoRoot { get; } = Metadata("HarnessRepoRoot");

    public static string BrokerScript { get; } = Path.Combine(RepoRoot, "tools", "pact", "broker");

    /// <summary>Runs <c>pact args...</c>.</summary>
    public static Task<CommandResult> PactAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(PactCli, args, environment);

    /// <summary>Runs <c>tools/pact/broker args...</c>.</summary>
    public static Task<CommandResult> BrokerScriptAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(BrokerScript, args, environment);

    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
            start.Environment.Remove(name);
        start.Environment["PACT_DO_NOT_TRACK"] = "true";
        // Every CLI here talks plain HTTP to 127.0.0.1: its verifier would read the system's trust store for each request.
        foreach (var (name, value) in PactEngine.TrustStoreVariables(PactTools.LoopbackTrustStore))
            start.Environment[name] = value;
        // The CLI retries 5xx answers 8 times with exponential back-off by default; a test wants the first answer.
        start.Environment["PACT_BROKER_HTTP_RETRIES"] = "0";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {Timeout}:\n{await stdout}\n{await stderr}");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Metadata(string key) =>
        typeof(CommandRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: the project must set <UsesPact>true</UsesPact>.");
}
