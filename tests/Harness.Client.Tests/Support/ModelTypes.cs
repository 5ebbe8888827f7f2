using Harness.Client.ModelGen;

namespace Harness.Client.Tests.Support;

/// <summary>Maps spec schema names to model types by the generator's own naming (<see cref="ModelWriter.TypeName"/>).</summary>
public static class ModelTypes
{
    /// <summary>Inlined wherever used; the spec never references them (hopper-airlines-guide.md §1).</summary>
    public static readonly IReadOnlySet<string> OrphanSchemas = new HashSet<string> { "map_cfar_contents", "map_dg_contents", "map_string" };

    public static Type? For(string schemaName) =>
        typeof(CfarOffer).Assembly.GetType($"{typeof(CfarOffer).Namespace}.{ModelWriter.TypeName(schemaName)}");

    public static Type Require(string schemaName) =>
        For(schemaName) ?? throw new InvalidOperationException($"No model type for schema '{schemaName}'.");
}
