namespace Harness.Contracts.Support;

/// <summary>
/// A provider state with its parameters, as an interaction's <c>Given</c>. Names and parameter names come from the
/// catalogue (<see cref="Harness.ApiFacts.ProviderStates"/>, <see cref="Harness.ApiFacts.AtlasProviderStates"/>), the
/// same the sandbox serves.
/// </summary>
public sealed record ProviderState(string Name, IReadOnlyDictionary<string, string> Parameters)
{
    public static ProviderState Of(string name, params (string Name, string Value)[] parameters) =>
        new(name, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}
