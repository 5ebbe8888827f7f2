namespace Harness.Scenarios.Tests.Support;

/// <summary>
/// A fact that runs only against a real target: skipped, naming the missing variables, unless HARNESS_TARGET_URL,
/// HARNESS_CLIENT_ID and HARNESS_CLIENT_SECRET are set; with <see cref="RequiresPaidJourneys"/> also unless
/// HARNESS_ALLOW_PAID_JOURNEYS=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealTargetFactAttribute : FactAttribute
{
    private string? _explicitSkip;

    public bool RequiresPaidJourneys { get; set; }

    public override string? Skip
    {
        get => _explicitSkip ?? SkipReason(Environment.GetEnvironmentVariable, RequiresPaidJourneys);
        set => _explicitSkip = value;
    }

    /// <summary>Why a real-target test cannot run in <paramref name="environment"/>, or null when it can.</summary>
    public static string? SkipReason(Func<string, string?> environment, bool requiresPaidJourneys)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var missing = ScenarioSettings.MissingRealTargetVariables(environment);
        if (missing.Count > 0)
        {
            return $"Real-target journey skipped: set {string.Join(", ", missing)} to run it against a real target.";
        }

        if (requiresPaidJourneys && !string.Equals(environment(JourneyRunner.AllowPaidJourneysVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return $"Real-target journey skipped: it creates confirmed or paid contracts; set {JourneyRunner.AllowPaidJourneysVariable}=true to allow it.";
        }

        return null;
    }
}
