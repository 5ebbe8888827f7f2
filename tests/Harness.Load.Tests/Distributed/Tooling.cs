namespace Harness.Load.Tests.Distributed;

/// <summary>The repository's files and its pinned node tools (tools/k8s), for the tests of the distributed engines.</summary>
internal static class Tooling
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The repository root: the folder holding Harness.sln, above the test's output.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>tools/k8s with its pinned packages installed (<c>npm ci</c> when node_modules is missing, as tools/pact does).</summary>
    public static async Task<string> K8sToolsAsync()
    {
        var dir = PathOf("tools/k8s");
        await InstallGate.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(dir, "node_modules", "kubernetes-models")))
            {
                var (exit, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], dir);
                if (exit != 0)
                    throw new InvalidOperationException($"`npm ci` in tools/k8s failed (exit {exit}); run `cd tools/k8s && npm ci` and see:\n{stdout}{stderr}");
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return dir;
    }

    /// <summary>Runs node on one of tools/k8s's scripts; stdout parsed as JSON when it is.</summary>
    public static async Task<(int Exit, string Output, JsonElement? Json)> NodeAsync(string script, params string[] args)
    {
        var dir = await K8sToolsAsync();
        var (exit, output, stderr) = await RunAsync("node", [Path.Combine(dir, script), .. args], dir);
        JsonElement? json = null;
        try
        {
            json = JsonDocument.Parse(output).RootElement.Clone();
        }
        catch (JsonException)
        {
            // not JSON: the caller reports the output
        }

        return (exit, output + stderr, json);
    }

    /// <summary>Runs a command (bounded: killed after 5 minutes), returning its exit code and output.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            start.Environment[k] = v;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"`{file}` is not on PATH ({ex.Message}): the distributed engines' tests need Node.js (node, npm) and bash", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 5 minutes");
            }

            return (process.ExitCode, await stdout, await stderr);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no Harness.sln above {AppContext.BaseDirectory}");
    }
}
