namespace Harness.ApiFacts.Tests;

/// <summary>The shell scripts' copy of the public sandbox credentials cannot drift from the C# definition.</summary>
public sealed class SandboxCredentialsTests
{
    private static string EnvFile => Path.Combine(RepoPaths.Root, "src", "Harness.ApiFacts", "sandbox-credentials.env");

    [Fact]
    public void EnvFile_HoldsExactlyTheCSharpValues()
    {
        File.Exists(EnvFile).Should().BeTrue($"{EnvFile} is committed");

        File.ReadAllText(EnvFile).Should().Be(
            SandboxCredentials.ShellFile(),
            "src/Harness.ApiFacts/sandbox-credentials.env is SandboxCredentials.ShellFile(); write that text into it");
    }

    [Fact]
    public void ShellVariables_CarryEveryCredential()
    {
        SandboxCredentials.ShellVariables.Select(v => v.Value).Should().BeEquivalentTo(
        [
            SandboxCredentials.ClientId, SandboxCredentials.ClientSecret, SandboxCredentials.AtlasClientId,
            SandboxCredentials.AtlasClientSecret, SandboxCredentials.AtlasClientCode,
        ]);
        SandboxCredentials.ShellVariables.Select(v => v.Key).Should().OnlyHaveUniqueItems().And.OnlyContain(k => k.All(c => char.IsAsciiLetterUpper(c) || c == '_'));
    }

    [Fact]
    public void ShellScripts_ReadTheCredentialsFromTheEnvFile_NeverWriteThemOut()
    {
        var scripts = ShellScripts().ToList();
        scripts.Should().NotBeEmpty();
        var values = SandboxCredentials.ShellVariables.Select(v => v.Value).ToList();

        foreach (var script in scripts)
        {
            var text = File.ReadAllText(script);
            var relative = Path.GetRelativePath(RepoPaths.Root, script);
            foreach (var value in values)
            {
                text.Should().NotContain(value, $"{relative} must read it from src/Harness.ApiFacts/sandbox-credentials.env");
            }

            if (SandboxCredentials.ShellVariables.Any(v => text.Contains("$" + v.Key, StringComparison.Ordinal) || text.Contains("${" + v.Key, StringComparison.Ordinal)))
            {
                text.Should().Contain("sandbox-credentials.env", $"{relative} uses a credential variable, so it sources the env file");
            }
        }
    }

    private static IEnumerable<string> ShellScripts()
    {
        var skipped = new[] { "bin", "obj", "node_modules", ".git" };
        var pending = new Stack<string>([RepoPaths.Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.GetDirectories(dir).Where(d => !skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (var file in Directory.GetFiles(dir, "*.sh"))
            {
                yield return file;
            }
        }
    }
}
