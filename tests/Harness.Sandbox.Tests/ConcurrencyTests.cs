using System.Collections.Concurrent;

namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ConcurrencyTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task CreateAndConfirm_TenThousandParallelCallers_LoseAndDuplicateNothing()
    {
        const int total = 10_000;
        var cfar = await Api.OfferAsync("cfar");
        var dg = await Api.OfferAsync("dg");
        var before = State.Counts();
        var ids = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var product = i % 2 == 0 ? "cfar" : "dg";
            var (offer, itinerary) = product == "cfar" ? cfar : dg;
            var created = await Api.PostAsync($"{product}_contracts", Bodies.ContractRequest((string)offer["id"]!, itinerary));
            if (created.Status != HttpStatusCode.Created)
            {
                failures.Add(Flows.Describe(created));
                return;
            }

            var id = (string)created.Json!["id"]!;
            ids.Add(id);
            var updated = await Api.PutAsync($"{product}_contracts/{id}/update_status", Bodies.Status("confirmed", $"PNR{i}"));
            if (updated.Status != HttpStatusCode.OK)
            {
                failures.Add(Flows.Describe(updated));
            }
        });

        failures.Should().BeEmpty();
        ids.Should().HaveCount(total).And.OnlyHaveUniqueItems();
        var after = State.Counts();
        (after.CfarContracts - before.CfarContracts).Should().Be(total / 2);
        (after.DgContracts - before.DgContracts).Should().Be(total / 2);
        ids.Should().AllSatisfy(id => State.ContractStatus(id).Should().Be("confirmed"));
    }

    [Fact]
    public async Task UpdateStatus_RacingConflictingTransitions_ExactlyOneWins()
    {
        var id = await Api.ContractAsync("cfar");
        var targets = Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "voided" : "confirmed").ToList();

        var replies = await Task.WhenAll(targets.Select(to => Api.PutAsync($"cfar_contracts/{id}/update_status", Bodies.Status(to))));

        var winners = replies.Where(r => r.Status == HttpStatusCode.OK).ToList();
        winners.Should().ContainSingle();
        replies.Count(r => r.Status == HttpStatusCode.UnprocessableEntity).Should().Be(targets.Count - 1);
        State.ContractStatus(id).Should().Be((string)winners[0].Json!["status"]!);
    }

    [Fact]
    public async Task MarkCompleted_ParallelCallers_CompletesOnce()
    {
        var exercise = await Api.CfarExerciseAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Api.PutAsync($"cfar_contract_exercises/{exercise["id"]}/mark_completed", new JsonObject())));

        replies.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1);
        replies.Count(r => r.Status == HttpStatusCode.UnprocessableEntity).Should().Be(19);
    }

    [Fact]
    public async Task MaxEntities_BeyondCapacity_EvictsOldest()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Quiet = true, MaxEntities = 3 });
        using var api = await ApiClient.ConnectAsync(host);
        var sessions = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sessions.Add(await api.SessionAsync());
        }

        host.State.Counts().Sessions.Should().Be(3);
        host.State.HasSession(sessions[0]).Should().BeFalse();
        host.State.HasSession(sessions[4]).Should().BeTrue();
    }
}
