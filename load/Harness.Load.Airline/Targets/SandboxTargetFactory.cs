using Harness.Sandbox;

namespace Harness.Load.Targets;

/// <summary>
/// The CLI's default: --target as given, or, without one, the sandbox started in-process on 127.0.0.1 (a free port),
/// quiet, with /_admin enabled so runs can ping it and tests can stall it. Disposing the target stops the sandbox.
/// </summary>
public sealed class SandboxTargetFactory : ITargetFactory
{
    private readonly Action<SandboxOptions>? _configure;

    /// <param name="configure">Adjusts the in-process sandbox's options before it starts (tests).</param>
    public SandboxTargetFactory(Action<SandboxOptions>? configure = null) => _configure = configure;

    /// <summary>The sandbox this factory started most recently, while it runs; null when --target was used.</summary>
    public SandboxHost? Current { get; private set; }

    public async Task<LoadTarget> ResolveAsync(Uri? requested, CancellationToken cancellationToken)
    {
        if (requested is not null)
            return new LoadTarget(requested);

        var options = new SandboxOptions { Host = "127.0.0.1", Port = 0, Quiet = true, EnableAdmin = true };
        _configure?.Invoke(options);
        var host = await SandboxHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        Current = host;
        return new LoadTarget(host.BaseUrl, host.AirlineBaseUrl, async () =>
        {
            Current = null;
            await host.DisposeAsync().ConfigureAwait(false);
        });
    }
}
