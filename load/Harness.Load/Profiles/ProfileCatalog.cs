namespace Harness.Load.Profiles;

/// <summary>The profiles the CLI knows, each with its JSON settings (found in profiles/ beside the binary).</summary>
internal sealed class ProfileCatalog
{
    private readonly Dictionary<string, ILoadProfile> _profiles;
    private readonly string _settingsDirectory;

    public ProfileCatalog(IEnumerable<ILoadProfile> profiles, string settingsDirectory)
    {
        _profiles = profiles.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _settingsDirectory = settingsDirectory;
    }

    /// <summary>The built-in profiles. Add a profile here, with Profiles/&lt;name&gt;.json beside it.</summary>
    public static ProfileCatalog BuiltIn() =>
        new([new PingProfile(), new Airline.OffersProfile(), new Airline.EventsProfile(), new Airline.JourneyProfile(), new Airline.CfarOfferBenchProfile()], Path.Combine(AppContext.BaseDirectory, "profiles"));

    public IEnumerable<ILoadProfile> All => _profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public ILoadProfile Get(string name) =>
        _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"unknown profile '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}");

    public bool TryGet(string name, out ILoadProfile? profile) => _profiles.TryGetValue(name, out profile);

    /// <summary>The profile's JSON settings, or the defaults when it has no JSON file.</summary>
    public ProfileSettings Settings(string name)
    {
        var path = Path.Combine(_settingsDirectory, name + ".json");
        return File.Exists(path) ? ProfileSettings.Read(path) : new ProfileSettings();
    }
}
