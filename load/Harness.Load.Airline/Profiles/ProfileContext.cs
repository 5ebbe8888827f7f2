namespace Harness.Load.Profiles;

/// <summary>A built-in scenario: its name on the command line, what it does, and the factory that builds it on a target.</summary>
internal sealed record BuiltInScenario(string Name, string Description, Func<ProfileContext, ScenarioProps> Create);

/// <summary>What a built-in scenario is built with: the target, one shared HttpClient for it, the run seed, its JSON options.</summary>
internal sealed record ProfileContext(Uri Target, Uri? AirlineTarget, HttpClient Http, int Seed)
{
    /// <summary>
    /// The connection pool under <see cref="Http"/>. A typed client that builds its own HttpClient (AirlineApiClient)
    /// is given this handler, so the whole run still uses one pool per target. The run disposes it, not the scenario.
    /// </summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The pool's deliberate cap (http.max_connections_per_server or --max-connections).</summary>
    public int MaxConnectionsPerServer { get; init; } = 512;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The scenario's own knobs: <c>options</c> in its JSON, e.g. <c>{"cfar_weight": 0.7}</c>.</summary>
    public IReadOnlyDictionary<string, double> Options { get; init; } = new Dictionary<string, double>();

    /// <summary>The option's value, or <paramref name="fallback"/> when the JSON does not set it.</summary>
    public double Option(string name, double fallback) => Options.TryGetValue(name, out var value) ? value : fallback;

    /// <summary>Throws an <see cref="ArgumentException"/> naming any option the scenario does not know.</summary>
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
