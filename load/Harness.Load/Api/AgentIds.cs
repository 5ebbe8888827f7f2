using System.Buffers.Binary;

namespace Harness.Load;

/// <summary>
/// Harness: ids no other agent of a distributed test can generate, for what a scenario creates (session ids, contract or
/// booking references). Each id is a UUID in the version-4 layout whose first 32 bits are the agent's index, followed by
/// a 28-bit tag drawn from the seed and a 62-bit counter: two agents' ids differ in their index bits, so they never
/// collide, and one generator never repeats an id. Build one per scenario in its Init: <c>AgentIds.For(context)</c>.
/// </summary>
public sealed class AgentIds
{
    private readonly int _tag;
    private long _counter;

    /// <param name="partition">This agent's partition (<see cref="IScenarioInitContext.ScenarioPartition"/>: number K+1 of N).</param>
    /// <param name="seed">The run's seed for this agent (<see cref="IScenarioInitContext.Seed"/>).</param>
    public AgentIds(ScenarioPartition partition, int seed)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Number < 1 || partition.Number > partition.Count)
            throw new ArgumentOutOfRangeException(nameof(partition), partition, "a partition's number is 1..count");
        AgentIndex = partition.Number - 1;
        _tag = (int)((uint)HashCode.Combine(seed, 0x4a67) & 0x0FFF_FFFF);
    }

    /// <summary>The agent index every id of this generator carries.</summary>
    public int AgentIndex { get; }

    /// <summary>The generator for a scenario's Init (or Clean) context: its agent's partition and seed.</summary>
    public static AgentIds For(IScenarioInitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AgentIds(context.ScenarioPartition, context.Seed);
    }

    /// <summary>The next id (thread-safe): agent index, seed tag, counter.</summary>
    public Guid NextGuid()
    {
        var counter = Interlocked.Increment(ref _counter);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(bytes, AgentIndex);
        bytes[4] = (byte)(_tag >> 20);
        bytes[5] = (byte)(_tag >> 12);
        bytes[6] = (byte)(0x40 | ((_tag >> 8) & 0x0F)); // version 4
        bytes[7] = (byte)_tag;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], counter);
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 4122 variant; the counter keeps 62 bits
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The next id as the API sends it: <c>xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx</c>, lower case.</summary>
    public string Next() => NextGuid().ToString("D");

    /// <summary>Which agent generated <paramref name="id"/> (its first 32 bits).</summary>
    public static int AgentIndexOf(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }
}
