using System.Text.Json.Nodes;
using Harness.Sandbox.Domain;

namespace Harness.Sandbox;

/// <summary>How many entities of each kind the sandbox holds; compare two to prove a request changed nothing.</summary>
public sealed record SandboxCounts(
    int Sessions,
    int CfarOffers,
    int DgOffers,
    int CfarContracts,
    int DgContracts,
    int CfarExercises,
    int DgExercises,
    long Events);

/// <summary>The sandbox's in-memory state. Public members are a read-only view for tests and scenarios.</summary>
public sealed class SandboxState
{
    private long _events;

    internal SandboxState(Func<int> capacity)
    {
        Sessions = new(capacity);
        Offers = new(capacity);
        Contracts = new(capacity);
        CfarExercises = new(capacity);
        DgExercises = new(capacity);
    }

    internal SlotStore<Session> Sessions { get; }

    internal SlotStore<Offer> Offers { get; }

    internal BoundedStore<Contract> Contracts { get; }

    internal BoundedStore<CfarExercise> CfarExercises { get; }

    internal BoundedStore<DgExercise> DgExercises { get; }

    public SandboxCounts Counts()
    {
        var cfarOffers = Offers.Values.Count(o => o.Product == Products.Cfar);
        var cfarContracts = Contracts.Values.Count(c => c.Product == Products.Cfar);
        return new SandboxCounts(
            Sessions.Count,
            cfarOffers,
            Offers.Count - cfarOffers,
            cfarContracts,
            Contracts.Count - cfarContracts,
            CfarExercises.Count,
            DgExercises.Count,
            Interlocked.Read(ref _events));
    }

    public bool HasSession(string sessionId) => Sessions.TryGet(sessionId, out _);

    public bool HasOffer(string offerId) => Offers.TryGet(offerId, out _);

    /// <summary>The contract's status (CFAR or DG), or null when no such contract exists.</summary>
    public string? ContractStatus(string contractId)
    {
        if (!Contracts.TryGet(contractId, out var contract))
        {
            return null;
        }

        lock (contract.Gate)
        {
            return contract.Status;
        }
    }

    /// <summary>A copy of the contract as GET would return it, or null.</summary>
    public JsonObject? Contract(string contractId) => Contracts.TryGet(contractId, out var c) ? c.Snapshot() : null;

    /// <summary>True when the CFAR exercise exists and was marked completed.</summary>
    public bool IsCfarExerciseCompleted(string exerciseId)
    {
        if (!CfarExercises.TryGet(exerciseId, out var exercise))
        {
            return false;
        }

        lock (exercise.Gate)
        {
            return exercise.Completed;
        }
    }

    /// <summary>The session a DG exercise belongs to, or null.</summary>
    public string? DgExerciseSession(string exerciseId) => DgExercises.TryGet(exerciseId, out var e) ? e.SessionId : null;

    internal void RecordEvent() => Interlocked.Increment(ref _events);

    internal void Reset()
    {
        Sessions.Clear();
        Offers.Clear();
        Contracts.Clear();
        CfarExercises.Clear();
        DgExercises.Clear();
        Interlocked.Exchange(ref _events, 0);
    }
}
