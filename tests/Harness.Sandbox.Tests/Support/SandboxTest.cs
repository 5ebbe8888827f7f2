namespace Harness.Sandbox.Tests.Support;

/// <summary>
/// A test class of the "sandbox" collection: the shared sandbox (<see cref="Fixture"/>), its API client and its state.
/// Each derived class still carries <c>[Collection(SandboxCollection.Name)]</c>: xunit reads that attribute from the
/// test class itself.
/// </summary>
public abstract class SandboxTest(SandboxFixture fixture)
{
    protected SandboxFixture Fixture { get; } = fixture;

    protected ApiClient Api => Fixture.Api;

    protected SandboxState State => Fixture.Host.State;
}
