using Harness.Client.ModelGen;
using Harness.Spec;

// Usage: Harness.Client.ModelGen <spec.yml> <output.cs>. Harness.Client's build runs it before CoreCompile.
if (args.Length != 2)
{
    await Console.Error.WriteLineAsync("usage: Harness.Client.ModelGen <spec.yml> <output.cs>");
    return 2;
}

var (specPath, outputPath) = (args[0], args[1]);
if (!File.Exists(specPath))
{
    await Console.Error.WriteLineAsync($"Harness.Client.ModelGen: the spec '{specPath}' does not exist.");
    return 1;
}

string code;
try
{
    code = ModelWriter.Write(SpecDocument.Load(specPath));
}
catch (ModelGenException e)
{
    await Console.Error.WriteLineAsync($"{specPath}: error MODELGEN1: {e.Message}");
    return 1;
}

// Rewrite only on change, so an unchanged spec leaves CoreCompile up to date.
if (!File.Exists(outputPath) || await File.ReadAllTextAsync(outputPath) != code)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
    await File.WriteAllTextAsync(outputPath, code);
}

return 0;
