using Harness.ApiFacts;

namespace Harness.TestData;

/// <summary>
/// The fixed "now" and faker seed the consumer pacts are written for (<see cref="StandardTrip"/> defines them). Fakers
/// seeded with these give byte-identical pact files, and a provider verifying the pacts runs its clock from
/// <see cref="Now"/> (the sandbox: <c>--clock</c> or <c>SandboxOptions.Clock</c>), so offers, contracts and expiries
/// line up with the pacts' itineraries.
/// </summary>
public static class ContractReference
{
    public static readonly DateTimeOffset Now = StandardTrip.Now;

    public const int Seed = StandardTrip.Seed;
}
