using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Harness.Load.Tests.Distributed;

/// <summary>Generated ids carry the agent index: no two agents of a test create the same id.</summary>
public sealed class AgentIdsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 7)]
    [InlineData(1, 2)]
    public void TwoAgents_NeverGenerateTheSameId_WhateverTheirSeeds(int seedA, int seedB)
    {
        var a = new AgentIds(new ScenarioPartition(1, 2), seedA);
        var b = new AgentIds(new ScenarioPartition(2, 2), seedB);

        var fromA = Enumerable.Range(0, 50_000).Select(_ => a.NextGuid()).ToArray();
        var fromB = Enumerable.Range(0, 50_000).Select(_ => b.NextGuid()).ToArray();

        // Plain sets and loops over the 100,000 ids, and FluentAssertions on what they found (empty when all is well):
        // the same checks, without the assertion library walking 100,000 items per assertion.
        var unique = new HashSet<Guid>(fromA);
        unique.Count.Should().Be(fromA.Length, "agent A never repeats an id");
        fromB.Where(id => !unique.Add(id)).Should().BeEmpty("agent B never repeats an id nor one of agent A's");
        fromA.Where(id => AgentIds.AgentIndexOf(id) != 0).Should().BeEmpty();
        fromB.Where(id => AgentIds.AgentIndexOf(id) != 1).Should().BeEmpty();
        fromA.Concat(fromB).Where(id => id.Version != 4 || (id.Variant & 0b1100) != 0b1000).Should().BeEmpty("RFC 4122 version-4 layout");
        a.Next().Should().MatchRegex("^00000000-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }

    [Fact]
    public void ConcurrentCallers_GetDistinctIds()
    {
        var ids = new AgentIds(new ScenarioPartition(3, 3), seed: 5);
        var seen = new ConcurrentBag<Guid>();

        Parallel.For(0, 20_000, _ => seen.Add(ids.NextGuid()));

        seen.Should().HaveCount(20_000);
        new HashSet<Guid>(seen).Should().HaveCount(20_000, "no two callers got the same id");
    }

    [Fact]
    public async Task ShardedRuns_GiveEachScenarioItsAgentsPartition_AndDisjointIds()
    {
        var partitions = new ConcurrentBag<ScenarioPartition>();
        var created = new ConcurrentDictionary<int, ConcurrentBag<string>>();
        ScenarioProps Scenario(int agent)
        {
            AgentIds? ids = null;
            return Load.Scenario.Create("ids", _ =>
                {
                    created.GetOrAdd(agent, _ => []).Add(ids!.Next());
                    return Task.FromResult<IResponse>(Response.Ok());
                })
                .WithInit(init =>
                {
                    partitions.Add(init.ScenarioPartition);
                    ids = AgentIds.For(init);
                    return Task.CompletedTask;
                })
                .WithoutWarmUp()
                .WithLoadSimulations(Simulation.Inject(rate: 90, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)));
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(k =>
            LoadRunner.RegisterScenarios(Scenario(k)).WithoutReports().WithOutput(TextWriter.Null, quiet: true).WithAgents(3, k).RunAsync()));

        partitions.Should().BeEquivalentTo([new ScenarioPartition(1, 3), new ScenarioPartition(2, 3), new ScenarioPartition(3, 3)]);
        created.Values.Sum(b => b.Count).Should().Be(90);
        created.Values.SelectMany(b => b).Should().OnlyHaveUniqueItems();
        created.Should().OnlyContain(kv => kv.Value.All(id => AgentIds.AgentIndexOf(Guid.Parse(id)) == kv.Key));
    }

    [Fact]
    public void TheAirlineScenarios_PreparedTrips_ShareNoSessionIdAcrossAgents()
    {
        using var http = new HttpClient();
        var profile = new ProfileContext(new Uri("http://127.0.0.1:1/"), null, http, Seed: 1)
        {
            Options = new Dictionary<string, double> { [AirlineSteps.TripsOption] = 200 },
        };

        var trips = Enumerable.Range(0, 2)
            .Select(k => AirlineSteps.PrepareTrips(profile, "offers", new InitContext(new AgentShard(2, k).Partition, new AgentShard(2, k).Seed(1))))
            .ToArray();

        string[] SessionIds(IEnumerable<Harness.Scenarios.Model.PreparedTrip> t) =>
            t.SelectMany(x => new[] { x.CfarOffers.Session?.SessionId, x.DgOffers.Session?.SessionId }).OfType<string>().ToArray();
        SessionIds(trips[0]).Should().NotBeEmpty("the fakers give some offers an inline session id");
        SessionIds(trips[0]).Intersect(SessionIds(trips[1])).Should().BeEmpty();
        SessionIds(trips[1]).Should().OnlyContain(id => AgentIds.AgentIndexOf(Guid.Parse(id)) == 1);
        // Compared as JSON texts: a structural equivalence of 200 trips against 200 (every pairing tried) took minutes.
        string[] Trips(IEnumerable<Harness.Scenarios.Model.PreparedTrip> t) => t.Select(x => System.Text.Json.JsonSerializer.Serialize(x.Trip)).ToArray();
        Trips(trips[0]).ToHashSet().SetEquals(Trips(trips[1])).Should().BeFalse("each agent draws its trips from its own seed");
        trips.SelectMany(t => t).Should().OnlyContain(t => t.PurchaseSession.SessionId == null, "the server still assigns the purchase sessions' ids");
    }

    private sealed class InitContext(ScenarioPartition partition, int seed) : IScenarioInitContext
    {
        public TestInfo TestInfo { get; } = new("t", "s", "n");

        public ScenarioInfo ScenarioInfo { get; } = new("i", 0, "offers", TimeSpan.Zero, ScenarioOperation.Init);

        public NodeInfo NodeInfo => throw new NotSupportedException();

        public IConfiguration CustomSettings => new ConfigurationBuilder().Build();

        public ScenarioPartition ScenarioPartition { get; } = partition;

        public ILogger Logger => NullLogger.Instance;

        public Uri? Target => null;

        public int Seed { get; } = seed;

        public CancellationToken CancellationToken => CancellationToken.None;
    }
}
