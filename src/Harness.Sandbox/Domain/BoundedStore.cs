using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Harness.Sandbox.Domain;

/// <summary>A thread-safe id → entity map that evicts its oldest entries beyond a fixed capacity.</summary>
internal sealed class BoundedStore<T>(Func<int> capacity)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    // ConcurrentDictionary.Count takes every bucket lock; the hot add path keeps its own approximate count instead.
    private int _count;

    public int Count => _items.Count;

    public IEnumerable<T> Values => _items.Values;

    /// <summary>Adds an entity; false when the id is already taken (the existing one is kept).</summary>
    public bool TryAdd(string id, T item)
    {
        if (!_items.TryAdd(id, item))
        {
            return false;
        }

        _order.Enqueue(id);
        var count = Interlocked.Increment(ref _count);
        while (count > capacity() && _order.TryDequeue(out var oldest))
        {
            if (_items.TryRemove(oldest, out _))
            {
                count = Interlocked.Decrement(ref _count);
            }
        }

        return true;
    }

    /// <summary>Adds or replaces (provider states set up entities with a given id).</summary>
    public void Put(string id, T item)
    {
        if (TryAdd(id, item))
        {
            return;
        }

        _items[id] = item;
    }

    public bool TryGet(string id, [MaybeNullWhen(false)] out T item) => _items.TryGetValue(id, out item);

    public bool Remove(string id)
    {
        if (!_items.TryRemove(id, out _))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    public void Clear()
    {
        _items.Clear();
        _order.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
