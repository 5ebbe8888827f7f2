namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class TransitionTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    private static readonly string[] CfarStatuses = ["created", "confirmed", "charged_back", "voided", "canceled"];
    private static readonly string[] DgStatuses = ["created", "confirmed", "charged_back", "voided", "canceled", "queued", "failed"];

    // The allowed pairs, written out independently of the sandbox's table.
    private static readonly HashSet<string> CfarAllowed =
        ["created>confirmed", "created>voided", "created>canceled", "confirmed>canceled", "confirmed>charged_back"];

    private static readonly HashSet<string> DgAllowed =
    [
        "created>confirmed", "created>voided", "created>canceled", "created>queued",
        "queued>confirmed", "queued>failed", "confirmed>canceled", "confirmed>charged_back",
    ];

    public static TheoryData<string, string, bool> CfarPairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var from in CfarStatuses)
        {
            foreach (var to in CfarStatuses)
            {
                data.Add(from, to, CfarAllowed.Contains($"{from}>{to}"));
            }
        }

        return data;
    }

    public static TheoryData<string, string, bool> DgPairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var from in DgStatuses)
        {
            foreach (var to in DgStatuses)
            {
                data.Add(from, to, DgAllowed.Contains($"{from}>{to}"));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CfarPairs))]
    public Task UpdateCfarStatus_FromTo_AllowedOr422(string from, string to, bool allowed) => CheckAsync("cfar", ProviderStates.CfarContractExists, from, to, allowed);

    [Theory]
    [MemberData(nameof(DgPairs))]
    public Task UpdateDgStatus_FromTo_AllowedOr422(string from, string to, bool allowed) => CheckAsync("dg", ProviderStates.DgContractExists, from, to, allowed);

    private async Task CheckAsync(string product, string state, string from, string to, bool allowed)
    {
        var id = $"{product}-{from}-{to}";
        await Api.GivenAsync(state, new JsonObject { ["contract_id"] = id, ["status"] = from });

        var reply = await Api.PutAsync($"{product}_contracts/{id}/update_status", Bodies.Status(to));

        if (allowed)
        {
            reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
            ((string)reply.Json!["status"]!).Should().Be(to);
            Fixture.Host.State.ContractStatus(id).Should().Be(to);
        }
        else
        {
            reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, Flows.Describe(reply));
            reply.ErrorFields.Should().Equal("status");
            Fixture.Host.State.ContractStatus(id).Should().Be(from);
        }

        await Api.TeardownAsync();
    }
}
