using System.Runtime.CompilerServices;
using Harness.Pact;

namespace Harness.Tests.Shared;

/// <summary>
/// Compiled into each test assembly that runs the Pact engine's verifier in process (its csproj links this file). Every
/// verification there talks plain HTTP to 127.0.0.1, so the engine loads the repository's one-certificate trust store
/// instead of the system's, which it would read again for every request (<see cref="PactEngine.UseTrustStore"/>).
/// </summary>
internal static class LoopbackTrustStore
{
    [ModuleInitializer]
    internal static void Use() => PactEngine.UseTrustStore(PactTools.LoopbackTrustStore);
}
