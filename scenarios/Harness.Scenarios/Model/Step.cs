using Harness.Client;

namespace Harness.Scenarios.Model;

/// <summary>
/// One request of a journey: its name, the call it makes through <see cref="AirlineApiClient"/> (which also stores
/// what the next step needs in the <see cref="JourneyContext"/>), and the outcome it expects.
/// Steps are immutable and shared; build a variant with <see cref="Expecting"/>.
/// </summary>
public sealed class Step
{
    public Step(string name, StepOutcome expected, Func<JourneyContext, Task<ApiResponse>> action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(action);
        Name = name;
        Expected = expected;
        Action = action;
    }

    public string Name { get; }

    public StepOutcome Expected { get; }

    /// <summary>Makes the request; on success records the result in the context and checks it (throwing <see cref="StepCheckException"/>).</summary>
    public Func<JourneyContext, Task<ApiResponse>> Action { get; }

    /// <summary>The same request expecting another outcome, e.g. a 422 in a negative journey.</summary>
    public Step Expecting(StepOutcome expected, string? name = null) => new(name ?? Name, expected, Action);

    public override string ToString() => $"{Name} (expects {Expected})";
}
