namespace Harness.TestData;

/// <summary>
/// The fixed "now" and faker seed the consumer pacts are written for. Fakers seeded with these give byte-identical pact
/// files, and a provider verifying the pacts runs its clock from <see cref="Now"/> (the sandbox: <c>--clock</c> or
/// <c>SandboxOptions.Clock</c>), so offers, contracts and expiries line up with the pacts' itineraries.
/// </summary>
public static class ContractReference
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Seed = 20300101;
}
