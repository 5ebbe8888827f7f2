using Harness.Sandbox.Domain;

namespace Harness.Sandbox.Tests.Domain;

/// <summary>
/// The store for sessions and offers: an id → struct map in one ring, oldest evicted first beyond the capacity, with ids
/// the sandbox generates (lowercase UUIDs) keyed by their bits and any other id by its string.
/// </summary>
public sealed class SlotStoreTests
{
    private static string Uuid(int n) => new Guid(n, 0xabc, 0xdef, new byte[8]).ToString();

    [Fact]
    public void TryAdd_BeyondCapacity_EvictsTheOldestFirst()
    {
        var store = new SlotStore<int>(() => 3);

        for (var n = 0; n < 5; n++)
        {
            store.TryAdd(Uuid(n), n).Should().BeTrue();
        }

        store.Count.Should().Be(3);
        store.Values.Should().Equal(2, 3, 4);
        store.TryGet(Uuid(1), out _).Should().BeFalse();
        store.TryGet(Uuid(4), out var newest).Should().BeTrue();
        newest.Should().Be(4);
    }

    [Fact]
    public void TryAdd_TakenId_KeepsTheExistingValue()
    {
        var store = new SlotStore<int>(() => 10);
        store.TryAdd("offer-1", 1);

        store.TryAdd("offer-1", 2).Should().BeFalse();

        store.TryGet("offer-1", out var value).Should().BeTrue();
        value.Should().Be(1);
        store.Count.Should().Be(1);
    }

    [Fact]
    public void Ids_UuidAndNamed_AreDistinctAsStrings()
    {
        // The canonical spelling is keyed by its bits; the same UUID in capitals is another id, as it is as a string.
        var store = new SlotStore<int>(() => 10);
        var lower = Uuid(7);
        var upper = lower.ToUpperInvariant();

        store.TryAdd(lower, 1).Should().BeTrue();
        store.TryAdd(upper, 2).Should().BeTrue();
        store.TryAdd("not-a-uuid", 3).Should().BeTrue();

        store.TryGet(lower, out var a).Should().BeTrue();
        store.TryGet(upper, out var b).Should().BeTrue();
        store.TryGet("not-a-uuid", out var c).Should().BeTrue();
        (a, b, c).Should().Be((1, 2, 3));
        store.TryGet(Uuid(8), out _).Should().BeFalse();
    }

    [Fact]
    public void Put_ExistingId_ReplacesInPlace_SoItIsEvictedWhenItsPlaceComes()
    {
        var store = new SlotStore<int>(() => 2);
        store.TryAdd("a", 1);
        store.TryAdd("b", 2);

        store.Put("a", 10);
        store.TryGet("a", out var replaced).Should().BeTrue();
        replaced.Should().Be(10);
        store.TryAdd("c", 3);

        store.TryGet("a", out _).Should().BeFalse("a was the oldest entry, replaced or not");
        store.Values.Should().Equal(2, 3);
    }

    [Fact]
    public void Remove_LeavesAHole_ThatNeitherCountsNorIsEvictedInsteadOfALiveEntry()
    {
        var store = new SlotStore<int>(() => 3);
        store.TryAdd(Uuid(1), 1);
        store.TryAdd("named", 2);
        store.TryAdd(Uuid(3), 3);

        store.Remove("named").Should().BeTrue();
        store.Remove("named").Should().BeFalse();
        store.Count.Should().Be(2);
        store.TryAdd(Uuid(4), 4);

        store.Values.Should().Equal(1, 3, 4);
        store.TryAdd(Uuid(5), 5);
        store.Values.Should().Equal(3, 4, 5);
        store.TryGet("named", out _).Should().BeFalse();
    }

    [Fact]
    public void Growth_PastTheRingsFirstSize_KeepsEveryEntryFindable()
    {
        var store = new SlotStore<int>(() => 1000);

        for (var n = 0; n < 1000; n++)
        {
            store.TryAdd(n % 3 == 0 ? $"named-{n}" : Uuid(n), n);
        }

        store.Count.Should().Be(1000);
        for (var n = 0; n < 1000; n++)
        {
            store.TryGet(n % 3 == 0 ? $"named-{n}" : Uuid(n), out var value).Should().BeTrue();
            value.Should().Be(n);
        }
    }

    [Fact]
    public void Capacity_LoweredAtRunTime_AppliesOnTheNextAdd()
    {
        var capacity = 5;
        var store = new SlotStore<int>(() => capacity);
        for (var n = 0; n < 5; n++)
        {
            store.TryAdd(Uuid(n), n);
        }

        capacity = 2;
        store.TryAdd(Uuid(5), 5);

        store.Values.Should().Equal(4, 5);
    }

    [Fact]
    public void Clear_ForgetsEverything_AndTheStoreWorksAfterwards()
    {
        var store = new SlotStore<int>(() => 10);
        store.TryAdd(Uuid(1), 1);
        store.TryAdd("named", 2);

        store.Clear();

        store.Count.Should().Be(0);
        store.TryGet(Uuid(1), out _).Should().BeFalse();
        store.TryGet("named", out _).Should().BeFalse();
        store.TryAdd("named", 3).Should().BeTrue();
        store.Values.Should().Equal(3);
    }

    [Fact]
    public async Task ConcurrentAdds_FromSeveralThreads_LoseNothingWithinCapacity()
    {
        var store = new SlotStore<int>(() => 40_000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var n = 0; n < 10_000; n++)
            {
                store.TryAdd(Uuid((t * 10_000) + n), n).Should().BeTrue();
            }
        })));

        store.Count.Should().Be(40_000);
        store.Values.Should().HaveCount(40_000);
    }
}
