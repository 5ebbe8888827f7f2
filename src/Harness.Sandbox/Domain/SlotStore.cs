using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Harness.Sandbox.Domain;

/// <summary>
/// A thread-safe id → value map for what the sandbox keeps by the hundred thousand (sessions and offers), evicting its
/// oldest entries beyond a capacity like <see cref="BoundedStore{T}"/>, but with no object per entry. Values are
/// structs kept in one ring in the order they came; ids the sandbox generates (lowercase UUIDs) are indexed by their
/// 128 bits, so neither the id string nor a dictionary node outlives the request. Other ids (named by provider states
/// and tests) are indexed by their string. A full <see cref="BoundedStore{T}"/> of 200,000 offers and sessions was
/// 1.6 million objects for the collector to promote and mark; this is a few arrays.
/// </summary>
internal sealed class SlotStore<T>(Func<int> capacity)
    where T : struct
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, long> _byUuid = [];
    private readonly Dictionary<string, long> _byName = new(StringComparer.Ordinal);

    // The entry at sequence number s is at _ring[s & (_ring.Length - 1)]; the live ones are within [_head, _tail).
    private Slot[] _ring = new Slot[16];
    private long _head;
    private long _tail;
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>A copy of the values held now, oldest first.</summary>
    public List<T> Values
    {
        get
        {
            lock (_gate)
            {
                var values = new List<T>(_count);
                for (var s = _head; s < _tail; s++)
                {
                    ref var slot = ref At(s);
                    if (slot.Live)
                    {
                        values.Add(slot.Value);
                    }
                }

                return values;
            }
        }
    }

    /// <summary>Adds a value; false when the id is already taken (the existing one is kept).</summary>
    public bool TryAdd(string id, T value)
    {
        var uuid = Uuid(id);
        lock (_gate)
        {
            ref var at = ref Entry(id, uuid, out var exists);
            if (exists)
            {
                return false;
            }

            at = Append(id, uuid, value);
            return true;
        }
    }

    /// <summary>Adds or replaces (provider states set up entities with a given id); a replaced value keeps its place.</summary>
    public void Put(string id, T value)
    {
        var uuid = Uuid(id);
        lock (_gate)
        {
            ref var at = ref Entry(id, uuid, out var exists);
            if (exists)
            {
                At(at).Value = value;
                return;
            }

            at = Append(id, uuid, value);
        }
    }

    public bool TryGet(string id, [MaybeNullWhen(false)] out T value)
    {
        var uuid = Uuid(id);
        lock (_gate)
        {
            var at = Find(id, uuid);
            value = at >= 0 ? At(at).Value : default;
            return at >= 0;
        }
    }

    public bool Remove(string id)
    {
        var uuid = Uuid(id);
        lock (_gate)
        {
            var at = Find(id, uuid);
            if (at < 0)
            {
                return false;
            }

            Forget(ref At(at));
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byUuid.Clear();
            _byName.Clear();
            _ring = new Slot[16];
            _head = _tail = 0;
            _count = 0;
        }
    }

    /// <summary>The id's 128 bits when it is a UUID written as the sandbox writes them (lowercase, hyphens), else null.</summary>
    private static Guid? Uuid(string id)
    {
        if (id.Length != 36 || !Guid.TryParseExact(id, "D", out var uuid))
        {
            return null;
        }

        // Only the canonical spelling is keyed by its bits: "ABC…" and "abc…" stay two ids, as strings are.
        Span<char> canonical = stackalloc char[36];
        return uuid.TryFormat(canonical, out _, "D") && canonical.SequenceEqual(id) ? uuid : null;
    }

    /// <summary>
    /// The id's index entry, made (holding 0) when absent, so an add costs one look-up; the caller stores the sequence
    /// number <see cref="Append"/> returns in it. Append's evictions remove other entries only, which moves no entry, so
    /// the reference stays good across it.
    /// </summary>
    private ref long Entry(string id, Guid? uuid, out bool exists) =>
        ref uuid is { } key
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(_byUuid, key, out exists)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(_byName, id, out exists);

    private long Find(string id, Guid? uuid) =>
        (uuid is { } key ? _byUuid.TryGetValue(key, out var at) : _byName.TryGetValue(id, out at)) ? at : -1;

    private ref Slot At(long sequence) => ref _ring[sequence & (_ring.Length - 1)];

    /// <summary>Puts the value at the end of the ring and evicts what is beyond the capacity; the caller indexes the new entry under the sequence number returned.</summary>
    private long Append(string id, Guid? uuid, T value)
    {
        if (_tail - _head == _ring.Length)
        {
            Grow();
        }

        var sequence = _tail++;
        At(sequence) = new Slot { Live = true, Uuid = uuid ?? default, Name = uuid is null ? id : null, Value = value };
        _count++;
        var limit = capacity();
        while (_count > limit && _head < _tail)
        {
            ref var oldest = ref At(_head);
            if (oldest.Live)
            {
                Forget(ref oldest);
            }

            _head++;
        }

        // Removed entries at the front are passed over, so the ring holds at most the live ones and the holes among them.
        while (_head < _tail && !At(_head).Live)
        {
            _head++;
        }

        return sequence;
    }

    /// <summary>Drops the entry from its index and clears its slot, so nothing it referred to is kept.</summary>
    private void Forget(ref Slot slot)
    {
        if (slot.Name is { } name)
        {
            _byName.Remove(name);
        }
        else
        {
            _byUuid.Remove(slot.Uuid);
        }

        slot = default;
        _count--;
    }

    /// <summary>Doubles the ring; every entry keeps its sequence number, so the indexes stay as they are.</summary>
    private void Grow()
    {
        var ring = new Slot[_ring.Length * 2];
        for (var s = _head; s < _tail; s++)
        {
            ring[s & (ring.Length - 1)] = At(s);
        }

        _ring = ring;
    }

    private struct Slot
    {
        public bool Live;
        public Guid Uuid;
        public string? Name;
        public T Value;
    }
}
