namespace Harness.Sandbox.Domain;

/// <summary>
/// Where the sandbox keeps the UTF-8 of what it stores by the hundred thousand (offers): carved from 64 KiB blocks
/// instead of an array each, so a full store is a few thousand objects for the collector to move rather than hundreds
/// of thousands. Blocks stay under the large object heap's 85,000 bytes on purpose: 1 MiB blocks there cost the same
/// CPU but doubled the offer p99 under load (wrk.sh: 46-47 ms against 27 ms), large allocations being what starts and
/// waits on background collections. A block is freed when the last offer in it is; the stores evict oldest first, so
/// blocks empty whole.
/// </summary>
internal static class KeptBytes
{
    private const int BlockSize = 1 << 16;

    /// <summary>Anything larger than this gets an array of its own: a block holds at least 4 of them.</summary>
    private const int LargestCarved = BlockSize / 4;

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
