using Harness.Client.Configuration;
using Harness.Scenarios.Model;

namespace Harness.Scenarios.Targets;

/// <summary>
/// Where journeys run and what they may do there: <see cref="HarnessSettings"/> (HARNESS_TARGET_URL, credentials,
/// HARNESS_SEED) plus the opt-in HARNESS_ALLOW_PAID_JOURNEYS for journeys that confirm or pay contracts on a real target.
/// </summary>
public sealed class ScenarioSettings
{
    /// <summary>The variables a real-target run needs, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> RealTargetVariables =
        [HarnessSettings.TargetUrlVariable, HarnessSettings.ClientIdVariable, HarnessSettings.ClientSecretVariable];

    public required HarnessSettings Harness { get; init; }

    /// <summary>True only when HARNESS_ALLOW_PAID_JOURNEYS is "true" (always allowed on the sandbox).</summary>
    public bool AllowPaidJourneys { get; init; }

    public static ScenarioSettings Load() => Load(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the variable to fix.</summary>
    public static ScenarioSettings Load(string directory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var optIn = environment(JourneyRunner.AllowPaidJourneysVariable)?.Trim();
        bool allow;
        if (string.IsNullOrEmpty(optIn))
        {
            allow = false;
        }
        else if (!bool.TryParse(optIn, out allow))
        {
            throw new InvalidOperationException($"{JourneyRunner.AllowPaidJourneysVariable} '{optIn}' must be \"true\" or \"false\".");
        }

        return new ScenarioSettings { Harness = HarnessSettings.Load(directory, environment), AllowPaidJourneys = allow };
    }

    /// <summary>The real-target variables that are unset; empty when a real target is fully configured.</summary>
    public static IReadOnlyList<string> MissingRealTargetVariables(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return RealTargetVariables.Where(v => string.IsNullOrWhiteSpace(environment(v))).ToList();
    }

    /// <summary>HARNESS_SEED when set, else a fresh random seed (report it: it reproduces the run's data).</summary>
    public int NextSeed() => Harness.Seed ?? Random.Shared.Next();
}
