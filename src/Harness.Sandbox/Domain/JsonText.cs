using System.Buffers;
using System.Text.Json;

namespace Harness.Sandbox.Domain;

/// <summary>Copies of JSON text that skip re-reading it token by token.</summary>
internal static class JsonText
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>
    /// Writes <paramref name="raw"/>, one JSON value exactly as a request carried it (already parsed and validated), as the
    /// next value of <paramref name="writer"/>, without the whitespace between its tokens: the same value
    /// <see cref="JsonElement.WriteTo"/> writes, for a fraction of the work. Strings are copied as they came, escapes
    /// included (WriteTo would re-escape them in its own style).
    /// </summary>
    public static void WriteMinified(Utf8JsonWriter writer, ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAny(Whitespace) < 0)
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            // One pass: between tokens, byte by byte (whitespace dropped, the rest copied); a string, which is most of
            // the bytes, is copied whole up to its closing quote, found by a vectorized search.
            var copy = rented.AsSpan();
            var length = 0;
            var i = 0;
            while (i < raw.Length)
            {
                var b = raw[i++];
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    continue;
                }

                copy[length++] = b;
                if (b != (byte)'"')
                {
                    continue;
                }

                var start = i;
                while (true)
                {
                    i += raw[i..].IndexOfAny((byte)'"', (byte)'\\');
                    if (raw[i] == (byte)'"')
                    {
                        break;
                    }

                    i += 2; // an escape: the escaped character may be a quote
                }

                i++;
                raw[start..i].CopyTo(copy[length..]);
                length += i - start;
            }

            writer.WriteRawValue(rented.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
