namespace Harness.Pact.Interop;

/// <summary>The engine's logger can be set up once per process; this remembers whether it has been.</summary>
internal static class NativeLogging
{
    private static readonly Lock Gate = new();
    private static bool s_configured;

    internal static bool IsCapturing
    {
        get
        {
            lock (Gate)
            {
                return s_configured;
            }
        }
    }

    internal static void EnsureConfigured(PactLogLevel level)
    {
        if (level == PactLogLevel.None)
        {
            return;
        }

        lock (Gate)
        {
            if (s_configured)
            {
                return;
            }

            s_configured = NativeMethods.LogToBuffer(level switch
            {
                PactLogLevel.Error => LevelFilter.Error,
                PactLogLevel.Warn => LevelFilter.Warn,
                PactLogLevel.Information => LevelFilter.Info,
                PactLogLevel.Debug => LevelFilter.Debug,
                _ => LevelFilter.Trace,
            }) == 0;
        }
    }
}
