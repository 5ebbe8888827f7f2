namespace Harness.Load.Profiles;

/// <summary>GET {target}/_admin/ping: the smallest useful profile, and the one that measures the harness itself.</summary>
internal sealed class PingProfile : ILoadProfile
{
    public string Name => "ping";

    public string Description => "GET /_admin/ping on the target; measures the generator and the transport.";

    public ScenarioDefinition CreateScenario(ProfileContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.Http;
        var ping = new Uri(context.Target, "_admin/ping");
        return new ScenarioDefinition("ping", [new LoadStep("ping", async step =>
        {
            using var response = await http.GetAsync(ping, HttpCompletionOption.ResponseContentRead, step.CancellationToken);
            return StepResult.FromStatus((int)response.StatusCode, response.Content.Headers.ContentLength ?? 0);
        })]);
    }
}
