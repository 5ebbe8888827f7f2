namespace Harness.Load.Profiles;

/// <summary>GET {target}/_admin/ping: the smallest useful scenario, and the one that measures the harness itself.</summary>
internal static class PingScenario
{
    public const string Name = "ping";

    public static BuiltInScenario Definition { get; } = new(Name, "GET /_admin/ping on the target; measures the generator and the transport.", Create);

    public static ScenarioProps Create(ProfileContext profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.RequireKnownOptions(Name);
        var http = profile.Http;
        var ping = new Uri(profile.Target, "_admin/ping").ToString();
        return Scenario.Create(Name, async context =>
        {
            var response = await Step.Run("ping", context, async () =>
            {
                using var request = Http.CreateRequest("GET", ping);
                var sent = await Http.Send(http, request, context.ScenarioCancellationToken);
                sent.Payload.Value.Dispose();
                return sent;
            });
            return response;
        });
    }
}
