using Harness.Sandbox.Atlas;

namespace Harness.Sandbox.Tests;

/// <summary>
/// The provider-state rule (README "Provider states"): states hold for the one API request after their setup calls,
/// whatever ran before, without teardown calls, in any order. Nothing here sends a teardown except where it says so.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ProviderStateRuleTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    /// <summary>One verifier interaction: its setup calls (state, params), its one request, the status it must get.</summary>
    private sealed record Interaction(string Name, (string State, JsonObject Params)[] Given, Func<ApiClient, Task<Reply>> Request, HttpStatusCode Expected);

    private static Interaction[] Interactions =>
    [
        new("dg offer, client lacks dg", [(ProviderStates.ClientLacksProduct, new JsonObject { ["product"] = "dg" })],
            api => api.PostAsync("dg_offers", Bodies.OfferRequest("dg")), HttpStatusCode.Forbidden),
        new("dg offer, no state", [], api => api.PostAsync("dg_offers", Bodies.OfferRequest("dg")), HttpStatusCode.Created),
        new("sessions answers 204", [(ProviderStates.OperationAnswers204, new JsonObject { ["operation_id"] = "postSessions" })],
            api => api.PostAsync("sessions", Bodies.Session()), HttpStatusCode.NoContent),
        new("sessions, no state", [], api => api.PostAsync("sessions", Bodies.Session()), HttpStatusCode.Created),
        new("contract exists", [(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "rule-contract" })],
            api => api.GetAsync("cfar_contracts/rule-contract"), HttpStatusCode.OK),
        new("contract, no state", [], api => api.GetAsync("cfar_contracts/rule-contract"), HttpStatusCode.NotFound),
        new("fixed token", [(ProviderStates.ValidTokenExists, new JsonObject { ["token"] = "rule-token" })],
            api => api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), "rule-token"), HttpStatusCode.Created),
        new("fixed token, no state", [], api => api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), "rule-token"), HttpStatusCode.Unauthorized),
        new("Atlas over the limit", [(AtlasProviderStates.RequestLimitExceeded, new JsonObject())], api => api.PageListAsync(), HttpStatusCode.TooManyRequests),
        new("Atlas, no state", [], api => api.PageListAsync(), HttpStatusCode.OK),
    ];

    [Fact]
    public async Task FaultState_ThenRequestWithoutStates_IsServedNormally()
    {
        await Api.GivenAsync(ProviderStates.ClientLacksProduct, new JsonObject { ["product"] = "dg" });
        var refused = await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"));

        var next = await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"));

        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        next.Status.Should().Be(HttpStatusCode.Created, "a state holds for one request; no teardown was sent");
    }

    [Fact]
    public async Task AtlasFaultStates_ThenRequestWithoutStates_AnswerStatus0()
    {
        await Api.GivenAsync(AtlasProviderStates.CredentialsInvalid);
        var refused = await Api.PageListAsync();
        await Api.GivenAsync(AtlasProviderStates.RequestLimitExceeded);
        var limited = await Api.PageListAsync();

        var next = await Api.PageListAsync();

        ((int)refused.Json!["status"]!).Should().Be(900);
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests, "the setup after a served request dropped the invalid credentials");
        next.Status.Should().Be(HttpStatusCode.OK);
        ((int)next.Json!["status"]!).Should().Be(0);
    }

    [Fact]
    public async Task SetupAfterServedRequest_DropsWhatThePreviousStatesCreated()
    {
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "first-interaction" });
        await Api.GivenAsync(AtlasProviderStates.IncidentExists, new JsonObject { ["eventId"] = "E-first" });
        (await Api.GetAsync("cfar_contracts/first-interaction")).Status.Should().Be(HttpStatusCode.OK);

        await Api.GivenAsync(ProviderStates.SessionExists, new JsonObject { ["session_id"] = "second-interaction" });

        State.ContractStatus("first-interaction").Should().BeNull();
        Fixture.Host.Atlas.FindIncident("E-first").Should().BeNull();
        State.HasSession("second-interaction").Should().BeTrue();
    }

    [Fact]
    public async Task SeveralSetups_BeforeOneRequest_AllHold()
    {
        await Api.GivenAsync(ProviderStates.ValidTokenExists, new JsonObject { ["token"] = "several-token" });
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "pay-several" });
        await Api.GivenAsync(ProviderStates.PaymentWillBeDeclined);

        var reply = await Api.SendAsync(HttpMethod.Post, "cfar_contracts/pay-several/payment", Bodies.CfarPayment("tok_visa"), "several-token");

        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        reply.Json!["succeeded"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task TokenRegisteredByState_IsRefusedOnceTheInteractionIsOver()
    {
        await Api.GivenAsync(ProviderStates.ValidTokenExists, new JsonObject { ["token"] = "one-interaction-token" });
        var accepted = await Api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), "one-interaction-token");

        var refused = await Api.SendAsync(HttpMethod.Post, "sessions", Bodies.Session(), "one-interaction-token");

        accepted.Status.Should().Be(HttpStatusCode.Created);
        refused.Status.Should().Be(HttpStatusCode.Unauthorized);
        (await Api.PostAsync("sessions", Bodies.Session())).Status.Should().Be(HttpStatusCode.Created, "tokens from POST /auth survive");
    }

    [Fact]
    public async Task Teardown_StillEndsTheInteraction()
    {
        await Api.GivenAsync(ProviderStates.PaymentWillBeDeclined);
        await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "torn" });

        await Api.TeardownAsync();

        State.ContractStatus("torn").Should().BeNull();
        (await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"))).Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task JourneyAfterStatesWereUsed_KeepsItsOwnEntitiesAcrossRequests()
    {
        await Api.GivenAsync(ProviderStates.ClientLacksProduct, new JsonObject { ["product"] = "cfar" });
        (await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"))).Status.Should().Be(HttpStatusCode.Forbidden);

        // A journey with no provider states: several requests, each seeing what the previous ones made.
        var contractId = await Api.ContractAsync("cfar");
        var confirmed = await Api.PutAsync($"cfar_contracts/{contractId}/update_status", Bodies.Status("confirmed"));
        var read = await Api.GetAsync($"cfar_contracts/{contractId}");

        confirmed.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(confirmed));
        read.Status.Should().Be(HttpStatusCode.OK);
        ((string)read.Json!["status"]!).Should().Be("confirmed");
    }

    [Fact]
    public async Task FileOrder_NoTeardown_EveryInteractionGetsItsStatus() => await RunAsync(Interactions);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2030)]
    [InlineData(65535)]
    public async Task ShuffledOrder_NoTeardown_EveryInteractionGetsItsStatus(int seed)
    {
        var interactions = Interactions;
        new Random(seed).Shuffle(interactions);

        await RunAsync(interactions, $"seed {seed}");
    }

    [Fact]
    public async Task SameSandboxTwice_NoTeardown_EveryInteractionGetsItsStatus()
    {
        await RunAsync(Interactions, "first pass");
        var reversed = Interactions;
        Array.Reverse(reversed);

        await RunAsync(reversed, "second pass, reversed");
        await RunAsync(Interactions, "third pass");
    }

    private async Task RunAsync(IEnumerable<Interaction> interactions, string order = "file order")
    {
        // A known start (the collection's previous test may have left a setup armed); no teardown between interactions.
        await Api.TeardownAsync();
        var failures = new List<string>();
        foreach (var interaction in interactions)
        {
            foreach (var (state, parameters) in interaction.Given)
            {
                await Api.GivenAsync(state, parameters);
            }

            var reply = await interaction.Request(Api);
            if (reply.Status != interaction.Expected)
            {
                failures.Add($"{interaction.Name}: expected {(int)interaction.Expected}, got {(int)reply.Status}");
            }
        }

        failures.Should().BeEmpty($"every interaction sees exactly its own states ({order})");
    }
}
