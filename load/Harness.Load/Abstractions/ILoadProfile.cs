namespace Harness.Load;

/// <summary>
/// A load profile: a small class that builds a scenario against a target, plus <c>Profiles/&lt;name&gt;.json</c> holding
/// its default load shape, thresholds and baseline tolerances. A profile sees only this folder's types.
/// </summary>
public interface ILoadProfile
{
    /// <summary>The name used on the command line and as the JSON file's name.</summary>
    string Name { get; }

    string Description { get; }

    ScenarioDefinition CreateScenario(ProfileContext context);
}

/// <summary>What a profile gets to build its scenario: the target, one shared HttpClient for it, and the run seed.</summary>
public sealed record ProfileContext(Uri Target, Uri? AirlineTarget, HttpClient Http, int Seed)
{
    /// <summary>
    /// The connection pool under <see cref="Http"/>. A typed client that builds its own HttpClient (AirlineApiClient)
    /// is given this handler, so the whole run still uses one pool per target. The run disposes it, not the profile.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The pool's deliberate cap (http.max_connections_per_server or --max-connections).</summary>
    public int MaxConnectionsPerServer { get; init; } = 512;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The profile's own knobs: <c>options</c> in its JSON, e.g. <c>{"cfar_weight": 0.7}</c>.</summary>
    public IReadOnlyDictionary<string, double> Options { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The option's value, or <paramref name="fallback"/> when the JSON does not set it. Call <see cref="RequireKnownOptions"/>
    /// first so that a typo is an error rather than a silently ignored setting.
    /// </summary>
    public double Option(string name, double fallback) => Options.TryGetValue(name, out var value) ? value : fallback;

    /// <summary>Throws an <see cref="ArgumentException"/> naming any option the profile does not know.</summary>
    public void RequireKnownOptions(string profile, params string[] known)
    {
        var unknown = Options.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"profile '{profile}': unknown option(s) {string.Join(", ", unknown)}; known: {(known.Length == 0 ? "none" : string.Join(", ", known))}");
        }
    }
}
