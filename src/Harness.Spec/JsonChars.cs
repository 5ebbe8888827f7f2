using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Harness.Spec;

/// <summary>Reading a JSON string's characters without making a string of them.</summary>
public static class JsonChars
{
    /// <summary>The longest string <see cref="Read"/> reads into its caller's buffer; a stack buffer of this size always fits.</summary>
    public const int StackLimit = 128;

    /// <summary>
    /// The characters of <paramref name="value"/>, a JSON string: transcoded from the document's own bytes into
    /// <paramref name="buffer"/> when the string is short and has no escapes (codes, amounts, times: nearly all of them),
    /// otherwise a new string's characters.
    /// </summary>
    public static ReadOnlySpan<char> Read(JsonElement value, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.Length <= buffer.Length && !raw.Contains((byte)'\\'))
        {
            return buffer[..Encoding.UTF8.GetChars(raw, buffer)];
        }

        return value.GetString();
    }
}
