using Microsoft.Extensions.Configuration;

namespace Harness.Load;

public sealed record ScenarioStartInfo(string ScenarioName, int SortIndex);

public sealed record SessionStartInfo(ScenarioStartInfo[] Scenarios);

/// <summary>NBomber's reporting sink: receives live statistics every reporting interval and the final ones.</summary>
public interface IReportingSink : IDisposable
{
    string SinkName { get; }

    Task Init(IBaseContext context, IConfiguration infraConfig);

    Task Start(SessionStartInfo sessionInfo);

    Task SaveRealtimeStats(ScenarioStats[] stats);

    Task SaveFinalStats(NodeStats stats);

    Task Stop();
}
