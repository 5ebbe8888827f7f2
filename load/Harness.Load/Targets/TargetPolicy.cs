using System.Net;

namespace Harness.Load.Targets;

/// <summary>
/// Load only goes to loopback unless the user says otherwise twice: --allow-remote and a --max-rate that caps the run.
/// A load tool pointed at someone's production by a typo is an outage.
/// </summary>
internal static class TargetPolicy
{
    public static bool IsLoopback(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.Equals(target.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(target.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Parses and checks --target; throws <see cref="ArgumentException"/> with what was wrong.</summary>
    public static Uri ParseTarget(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"--target '{text}' is not an absolute http(s) URL");
        return uri;
    }

    /// <summary>
    /// The rate a run may use against <paramref name="target"/>: unchanged for loopback; for a remote target only with
    /// --allow-remote and --max-rate, and then capped at it. Closed-model runs cannot be capped, so they stay local.
    /// </summary>
    public static double? Allow(Uri target, bool allowRemote, double? maxRate, double? rate)
    {
        if (IsLoopback(target))
            return rate;
        if (!allowRemote || maxRate is not > 0)
            throw new ArgumentException(
                $"refusing to load non-loopback target {target.GetLeftPart(UriPartial.Authority)}: pass --allow-remote and --max-rate N (requests per second) to load a remote target");
        if (rate is null)
            throw new ArgumentException("a remote target takes only open-model runs (--rate), which --max-rate can cap; --concurrency cannot be capped");
        return Math.Min(rate.Value, maxRate.Value);
    }
}
