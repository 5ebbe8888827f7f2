using Harness.Load.Profiles.Airline;

namespace Harness.Load.Profiles;

/// <summary>The built-in scenarios the CLI runs by name, each with its JSON settings (found in profiles/ beside the binary).</summary>
internal sealed class ProfileCatalog
{
    private readonly Dictionary<string, BuiltInScenario> _scenarios;
    private readonly string _settingsDirectory;

    public ProfileCatalog(IEnumerable<BuiltInScenario> scenarios, string settingsDirectory)
    {
        _scenarios = scenarios.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _settingsDirectory = settingsDirectory;
    }

    /// <summary>The built-in scenarios, with Profiles/&lt;name&gt;.json beside each.</summary>
    public static ProfileCatalog BuiltIn() =>
        new([PingScenario.Definition, OffersScenario.Definition, EventsScenario.Definition, JourneyScenario.Definition, CfarOfferFixedScenario.Definition,
            CfarOfferFixedScenario.Prepared],
            Path.Combine(AppContext.BaseDirectory, "profiles"));

    public IEnumerable<BuiltInScenario> All => _scenarios.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public BuiltInScenario Get(string name) =>
        _scenarios.TryGetValue(name, out var scenario)
            ? scenario
            : throw new KeyNotFoundException($"unknown profile '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}");

    public bool TryGet(string name, out BuiltInScenario? scenario) => _scenarios.TryGetValue(name, out scenario);

    /// <summary>The scenario's JSON settings, or the defaults when it has no JSON file.</summary>
    public ProfileSettings Settings(string name)
    {
        var path = Path.Combine(_settingsDirectory, name + ".json");
        return File.Exists(path) ? ProfileSettings.Read(path) : new ProfileSettings();
    }
}
