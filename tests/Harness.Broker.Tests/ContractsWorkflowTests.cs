using YamlDotNet.RepresentationModel;

namespace Harness.Broker.Tests;

/// <summary>.github/workflows/contracts.yml parses and wires the broker flow as the README describes.</summary>
public sealed class ContractsWorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();

    private static YamlMappingNode Jobs => (YamlMappingNode)Workflow["jobs"];

    [Fact]
    public void Workflow_Env_DisablesPactTelemetryAndTakesBrokerCredentialsFromSecrets()
    {
        var env = (YamlMappingNode)Workflow["env"];

        Scalar(env, "PACT_DO_NOT_TRACK").Should().Be("true");
        Scalar(env, "PACT_BROKER_BASE_URL").Should().Be("${{ secrets.PACT_BROKER_BASE_URL }}");
        Scalar(env, "PACT_BROKER_TOKEN").Should().Be("${{ secrets.PACT_BROKER_TOKEN }}");
    }

    [Fact]
    public void Jobs_Needs_ChainConsumerPublishVerifyGateDeploy()
    {
        Needs("publish-pacts").Should().Equal("consumer-tests");
        Needs("verify-provider").Should().Equal("publish-pacts");
        Needs("can-i-deploy").Should().Equal("verify-provider");
        Needs("deploy").Should().Equal("can-i-deploy");
        Needs("broker-e2e").Should().Equal("consumer-tests");
    }

    [Fact]
    public void Jobs_Run_TheDocumentedCommands()
    {
        Runs("consumer-tests").Should().Contain("dotnet test contracts/Harness.Contracts");
        Runs("publish-pacts").Should().Contain("tools/pact/broker publish contracts/pacts");
        Runs("verify-provider").Should().Contain("dotnet test tests/Harness.Verification.Tests");
        Runs("can-i-deploy").Should().ContainSingle(r => r.StartsWith("tools/pact/broker can-i-deploy --to-environment", StringComparison.Ordinal));
        var deploy = Runs("deploy");
        deploy.FindIndex(r => r.Contains("DEPLOY_COMMAND", StringComparison.Ordinal))
            .Should().BeLessThan(deploy.FindIndex(r => r.StartsWith("tools/pact/broker record-deployment", StringComparison.Ordinal)), "the deployment is recorded after it happened");
    }

    [Fact]
    public void BrokerE2e_RunsRealPactBrokerWithPostgres_AndTheWholeFlow()
    {
        var job = (YamlMappingNode)Jobs["broker-e2e"];
        var services = (YamlMappingNode)job["services"];

        Scalar((YamlMappingNode)services["pact-broker"], "image").Should().StartWith("pactfoundation/pact-broker");
        Scalar((YamlMappingNode)services["postgres"], "image").Should().StartWith("postgres");
        var script = string.Join('\n', Runs("broker-e2e"));
        script.Should().Contain("/diagnostic/status/heartbeat")
            .And.Contain("tools/pact/broker publish")
            .And.Contain("dotnet test tests/Harness.Verification.Tests")
            .And.Contain("tools/pact/broker can-i-deploy")
            .And.Contain("tools/pact/broker record-deployment");
    }

    [Fact]
    public void Steps_NeverEchoTheBrokerToken()
    {
        var runs = Jobs.Children.Keys.SelectMany(k => Runs(((YamlScalarNode)k).Value!));

        runs.Should().NotContain(r => r.Contains("PACT_BROKER_TOKEN", StringComparison.Ordinal) || r.Contains("set -x", StringComparison.Ordinal));
    }

    [Fact]
    public void DotnetJobs_SetUpDotnet10()
    {
        foreach (var job in new[] { "consumer-tests", "verify-provider", "broker-e2e" })
        {
            var setup = Steps(job).Single(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet", StringComparison.Ordinal) == true);
            Scalar((YamlMappingNode)setup["with"], "dotnet-version").Should().Be("10.0.x", job);
        }
    }

    private static YamlMappingNode Load()
    {
        var path = Path.Combine(CommandRunner.RepoRoot, ".github", "workflows", "contracts.yml");
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<string> Needs(string job) => ((YamlMappingNode)Jobs[job])["needs"] switch
    {
        YamlScalarNode single => [single.Value!],
        YamlSequenceNode many => [.. many.Children.Cast<YamlScalarNode>().Select(n => n.Value!)],
        _ => [],
    };

    private static List<YamlMappingNode> Steps(string job) =>
        [.. ((YamlSequenceNode)((YamlMappingNode)Jobs[job])["steps"]).Children.Cast<YamlMappingNode>()];

    private static List<string> Runs(string job) =>
        [.. Steps(job).Select(s => Scalar(s, "run")).OfType<string>().SelectMany(r => r.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0)];
}
