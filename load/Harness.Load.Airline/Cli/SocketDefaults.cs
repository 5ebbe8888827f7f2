namespace Harness.Load.Cli;

/// <summary>
/// The CLI's socket setting: .NET runs a socket operation's continuation on the thread that polled the socket (epoll or
/// kqueue) instead of queueing it to the thread pool. A generator's work per response is small and never blocks (every
/// built-in profile's steps are async all the way), so the hand-off to the pool is most of its cost: measured side by side
/// (load/bench/bench.sh), cfar_offer_fixed's rate rose by about a fifth. Read by the runtime once, when the process opens
/// its first socket: <see cref="Apply"/> must run before that. A value already in the environment wins (set it to 0 to
/// measure without). A partner's own console app on the Harness.Load library chooses for itself: it is a process setting.
/// </summary>
internal static class SocketDefaults
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Sets <see cref="InlineCompletions"/> to 1 unless the environment has it; returns the value in effect.</summary>
    public static string Apply()
    {
        var current = Environment.GetEnvironmentVariable(InlineCompletions);
        if (!string.IsNullOrEmpty(current))
            return current;
        Environment.SetEnvironmentVariable(InlineCompletions, "1");
        return "1";
    }
}
