namespace Harness.Sandbox.Domain;

/// <summary>
/// Where the sandbox keeps the UTF-8 of what it stores by the hundred thousand (offers): carved from 1 MiB blocks, which
/// live on the large object heap and are never copied by the collector. Kept as small arrays of their own, every offer's
/// bytes were copied twice as they aged from the youngest generation into the oldest, a tenth of an offer's CPU time
/// at a full store. A block is freed when the last offer in it is; the stores evict oldest first, so blocks empty whole.
/// </summary>
internal static class KeptBytes
{
    private const int BlockSize = 1 << 20;

    /// <summary>Anything larger than this gets an array of its own: a block holds at least 16 of them.</summary>
    private const int LargestCarved = BlockSize / 16;

    [ThreadStatic]
    private static byte[]? s_block;

    [ThreadStatic]
    private static int s_used;

    /// <summary>A copy of <paramref name="bytes"/> that lives as long as the returned memory is referenced.</summary>
    public static ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > LargestCarved)
        {
            return bytes.ToArray();
        }

        var block = s_block;
        if (block is null || s_used + bytes.Length > BlockSize)
        {
            block = s_block = GC.AllocateUninitializedArray<byte>(BlockSize);
            s_used = 0;
        }

        var at = s_used;
        bytes.CopyTo(block.AsSpan(at));
        s_used = at + bytes.Length;
        return new ReadOnlyMemory<byte>(block, at, bytes.Length);
    }
}
