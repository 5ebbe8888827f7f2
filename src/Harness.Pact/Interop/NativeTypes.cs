using System.Runtime.InteropServices;

namespace Harness.Pact.Interop;

/// <summary>C <c>struct PactHandle { uint16_t pact_ref; }</c>, passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct PactHandleValue(ushort PactRef);

/// <summary>C <c>struct InteractionHandle { uint32_t interaction_ref; }</c>; also the V4 message handle.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct InteractionHandleValue(uint InteractionRef)
{
    /// <summary>pact_ffi answers 0 when the pact handle is unknown or can no longer be modified.</summary>
    internal bool IsValid => InteractionRef != 0;
}

internal enum InteractionPart
{
    Request = 0,
    Response = 1,
}

internal enum PactSpecification
{
    Unknown = 0,
    V1 = 1,
    V1_1 = 2,
    V2 = 3,
    V3 = 4,
    V4 = 5,
}

internal enum LevelFilter
{
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}
