namespace Harness.Scenarios.Model;

/// <summary>A named list of steps run in order against one target, sharing one <see cref="JourneyContext"/>.</summary>
public sealed class Journey
{
    public Journey(string name, IReadOnlyList<Step> steps, JourneyRequirements requirements = JourneyRequirements.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"Journey '{name}' has no steps.", nameof(steps));
        }

        Name = name;
        Steps = steps;
        Requirements = requirements;
    }

    public string Name { get; }

    public IReadOnlyList<Step> Steps { get; }

    public JourneyRequirements Requirements { get; }

    public override string ToString() => $"{Name} ({Steps.Count} steps)";
}

/// <summary>What a target must allow before a journey may run on it.</summary>
[Flags]
public enum JourneyRequirements
{
    None = 0,

    /// <summary>Creates a contract that is confirmed or paid: a real target needs HARNESS_ALLOW_PAID_JOURNEYS=true.</summary>
    PaidContracts = 1,

    /// <summary>Relies on sandbox-only behaviour (the decline token, the movable clock).</summary>
    Sandbox = 2,
}
