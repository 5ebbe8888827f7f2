namespace Harness.Verification.Tests.Mutation;

/// <summary>The mutation run end to end on one interaction: the repo pact's token exchange, as is and with its body unpinned.</summary>
public sealed class MutationRunTests
{
    private const string AuthDescription = "a request for an access token";

    private static async Task<string> WriteAuthPactAsync(TempDirectory directory, Action<JsonObject>? doctor = null)
    {
        var source = RepoPacts.Load().FirstOrDefault(p => p.Provider == ProviderUnderTest.ProviderName)
            ?? throw new InvalidOperationException("contracts/pacts holds no airline pact: run `dotnet test contracts/Harness.Contracts`.");
        var pact = JsonNode.Parse(await File.ReadAllTextAsync(source.Path))!.AsObject();
        var auth = pact["interactions"]!.AsArray().OfType<JsonObject>().First(i => (string?)i["description"] == AuthDescription).DeepClone().AsObject();
        doctor?.Invoke(auth);
        pact["interactions"] = new JsonArray(auth);
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "auth.json"), pact.ToJsonString());
        return directory.Path;
    }

    [Fact]
    public async Task Run_RepoTokenExchange_KillsEveryServedDrift()
    {
        using var pacts = new TempDirectory();

        var results = await MutationRun.RunAsync(RepoPaths.Root, await WriteAuthPactAsync(pacts));

        var auth = results.Should().ContainSingle().Which;
        auth.Operation.Should().Be("postAuth");
        auth.Drifts.Should().Contain(d => d.Drift.Operator == DriftOperator.DropRequired && d.Drift.Target == "$.access_token" && d.Outcome == DriftOutcome.Killed);
        auth.Drifts.Should().Contain(d => d.Drift.Operator == DriftOperator.StatusShift && d.Outcome == DriftOutcome.Killed);
        auth.Drifts.Should().NotContain(d => d.Outcome == DriftOutcome.Survived);
    }

    [Fact]
    public async Task Run_WhenThePactDoesNotPinTheBody_ReportsSurvivorsWithTheRuleAndHonoursTheAllowList()
    {
        using var pacts = new TempDirectory();
        var directory = await WriteAuthPactAsync(pacts, auth =>
        {
            var response = auth["response"]!.AsObject();
            response.Remove("body");
            response.Remove("matchingRules");
        });

        var results = await MutationRun.RunAsync(RepoPaths.Root, directory);
        var report = new MutationReport(results, AllowList.Empty);

        var dropped = report.Survivors.Should().Contain(s => s.Drift.Operator == DriftOperator.DropRequired && s.Drift.Target == "$.access_token").Which;
        dropped.Rule.Should().Be("the field is not in the pact");
        report.Unexplained.Should().NotBeEmpty();
        report.ToMarkdown().Should().Contain("**not in the allow-list**").And.Contain("| drop a required field | `drop-required` |");

        using var allowFile = new TempDirectory();
        var allowPath = Path.Combine(allowFile.Path, "allow.json");
        await File.WriteAllTextAsync(allowPath, """{"allow":[{"operator":"*","target":"*","reason":"x"}]}""");
        var load = () => AllowList.Load(allowPath);
        load.Should().Throw<InvalidDataException>().WithMessage("*names the operator*use one of drop-required*");

        var entries = new JsonArray([.. Enum.GetValues<DriftOperator>().Select(o => (JsonNode)new JsonObject { ["operator"] = Drift.Key(o), ["target"] = "*", ["reason"] = "the test unpinned the body" })]);
        await File.WriteAllTextAsync(allowPath, new JsonObject { ["allow"] = entries }.ToJsonString());
        new MutationReport(results, AllowList.Load(allowPath)).Unexplained.Should().BeEmpty();
    }
}
