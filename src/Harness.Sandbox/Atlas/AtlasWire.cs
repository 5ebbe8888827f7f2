using System.Globalization;
using Harness.Client.Atlas;

namespace Harness.Sandbox.Atlas;

/// <summary>
/// How the sandbox reads Atlas dates in requests: strictly the documented "yyyy-MM-dd HH:mm:ss" (the client also reads
/// the forms Atlas's samples show; a provider must not accept more than the docs). Writing is <see cref="AtlasJson"/>'s.
/// </summary>
internal static class AtlasWire
{
    public static bool TryParseEventTime(string text, out DateTimeOffset value)
    {
        value = default;
        if (!TryParseLocalTime(text, out var wallClock))
            return false;
        value = new DateTimeOffset(wallClock, AtlasJson.AtlasOffset);
        return true;
    }

    public static bool TryParseLocalTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text, AtlasJson.DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
