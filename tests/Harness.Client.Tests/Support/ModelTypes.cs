namespace Harness.Client.Tests.Support;

/// <summary>Maps spec schema names to model types by the generator's rule: PascalCase of the snake_case name.</summary>
public static class ModelTypes
{
    /// <summary>Inlined wherever used; the spec never references them (hopper-airlines-guide.md §1).</summary>
    public static readonly IReadOnlySet<string> OrphanSchemas = new HashSet<string> { "map_cfar_contents", "map_dg_contents", "map_string" };

    private static readonly Dictionary<string, string> Exceptions = new() { ["i_os"] = "IOs" };

    public static Type? For(string schemaName)
    {
        var name = Exceptions.TryGetValue(schemaName, out var special)
            ? special
            : string.Concat(schemaName.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return typeof(CfarOffer).Assembly.GetType($"{typeof(CfarOffer).Namespace}.{name}");
    }

    public static Type Require(string schemaName) =>
        For(schemaName) ?? throw new InvalidOperationException($"No model type for schema '{schemaName}'.");
}
