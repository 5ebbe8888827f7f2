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
public sealed record ProfileContext(Uri Target, Uri? AirlineTarget, HttpClient Http, int Seed);
