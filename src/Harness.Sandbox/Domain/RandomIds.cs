using System.Security.Cryptography;

namespace Harness.Sandbox.Domain;

/// <summary>
/// Random (version 4) UUIDs for entity ids, cut from a per-thread block of cryptographic random bytes: Guid.NewGuid
/// makes a read system call per id, which was a visible share of an offer (two ids each).
/// </summary>
internal static class RandomIds
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? s_block;

    [ThreadStatic]
    private static int s_used;

    public static Guid NewUuid()
    {
        var block = s_block ??= new byte[BlockSize];
        if (s_used == 0 || s_used + 16 > BlockSize)
        {
            RandomNumberGenerator.Fill(block);
            s_used = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        block.AsSpan(s_used, 16).CopyTo(bytes);
        s_used += 16;
        // RFC 9562 version 4 and variant bits; Guid's byte order puts the version in byte 7 and the variant in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static string NewId() => NewUuid().ToString();
}
