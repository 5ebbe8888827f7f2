using Harness.Client;
using Harness.Scenarios.Model;
using Harness.Sandbox;
using Harness.TestData;

namespace Harness.Scenarios.Targets;

/// <summary>
/// The API the journeys talk to: an in-process sandbox on a loopback port (the default) or a real base URL with the
/// configured credentials. Owns one shared <see cref="AirlineApiClient"/> whose calls feed the step logs.
/// </summary>
public sealed class ScenarioTarget : IAsyncDisposable
{
    /// <summary>Sandbox tokens outlive any clock move a journey makes (trips depart at most about 200 days out).</summary>
    private static readonly TimeSpan SandboxTokenLifetime = TimeSpan.FromDays(400);

    private readonly SandboxHost? _host;
    private readonly string _clientSecret;

    private ScenarioTarget(AirlineApiOptions options, SandboxHost? host, SandboxClock? clock, bool allowPaidJourneys)
    {
        this._host = host;
        Clock = clock;
        _clientSecret = options.ClientSecret;
        BaseUrl = options.BaseUrl;
        AllowPaidJourneys = allowPaidJourneys;
        Client = new AirlineApiClient(new AirlineApiOptions
        {
            BaseUrl = options.BaseUrl,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Timeout = options.Timeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            OnCall = StepCallCapture.Record,
        });
    }

    public AirlineApiClient Client { get; }

    public Uri BaseUrl { get; }

    public bool IsSandbox => _host is not null;

    /// <summary>The in-process sandbox, or null on a real target.</summary>
    public SandboxHost? Sandbox => _host;

    /// <summary>The sandbox's movable clock, or null on a real target.</summary>
    public SandboxClock? Clock { get; }

    /// <summary>Always true on the sandbox; on a real target only with HARNESS_ALLOW_PAID_JOURNEYS=true.</summary>
    public bool AllowPaidJourneys { get; }

    /// <summary>The target's idea of now: fakers date their trips from it.</summary>
    public TimeProvider TimeProvider => (TimeProvider?)Clock ?? TimeProvider.System;

    /// <summary>Starts a quiet sandbox on 127.0.0.1 with a free port and a movable clock.</summary>
    public static async Task<ScenarioTarget> StartSandboxAsync(CancellationToken cancellationToken = default)
    {
        var clock = new SandboxClock();
        var host = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, Quiet = true, Clock = clock, TokenLifetime = SandboxTokenLifetime },
            cancellationToken);
        var options = new AirlineApiOptions
        {
            BaseUrl = host.AirlineBaseUrl,
            ClientId = SandboxOptions.DefaultClientId,
            ClientSecret = SandboxOptions.DefaultClientSecret,
        };
        return new ScenarioTarget(options, host, clock, allowPaidJourneys: true);
    }

    /// <summary>The real target named by HARNESS_TARGET_URL, or a fresh sandbox when it is unset.</summary>
    public static async Task<ScenarioTarget> CreateAsync(ScenarioSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Harness.IsSandbox
            ? await StartSandboxAsync(cancellationToken)
            : new ScenarioTarget(settings.Harness.ToAirlineApiOptions(), null, null, settings.AllowPaidJourneys);
    }

    /// <summary>A fresh context for one journey run: fakers seeded with <paramref name="seed"/>, dated from the target's clock.</summary>
    public JourneyContext NewContext(int seed, CancellationToken cancellationToken = default)
    {
        var today = new DateTimeOffset(TimeProvider.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        return new JourneyContext(Client, new AirlineFakers(seed, today), cancellationToken)
        {
            DeclinedPaymentToken = IsSandbox ? AirlineSandbox.DeclinePaymentToken : null,
        };
    }

    /// <summary>A runner that logs to <paramref name="log"/>, never prints the client secret, and enforces the opt-ins.</summary>
    public JourneyRunner CreateRunner(Action<string>? log = null) => new(new JourneyRunnerOptions
    {
        Log = log,
        Secrets = [_clientSecret],
        AllowPaidJourneys = AllowPaidJourneys,
        IsSandbox = IsSandbox,
    });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public override string ToString() => IsSandbox ? $"sandbox at {BaseUrl}" : $"real target at {BaseUrl}";
}
