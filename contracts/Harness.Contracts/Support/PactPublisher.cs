namespace Harness.Contracts.Support;

/// <summary>Moves a finished pact file into place so that a concurrent reader sees the old file or the new one, never a torn one.</summary>
public static class PactPublisher
{
    /// <summary>
    /// Copies <paramref name="stagedFile"/> to a temporary file beside <paramref name="targetFile"/>, then renames it over
    /// the target (a rename within one folder is atomic).
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no staged file.</exception>
    public static void Publish(string stagedFile, string targetFile)
    {
        if (!File.Exists(stagedFile))
        {
            throw new FileNotFoundException($"No staged pact file at {stagedFile}; did any contract test verify?", stagedFile);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(targetFile))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(targetFile)}.{Environment.ProcessId}.tmp");
        try
        {
            File.Copy(stagedFile, temporary, overwrite: true);
            File.Move(temporary, targetFile, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
