using System.Text.RegularExpressions;

namespace Harness.Verification.Tests.Coverage;

public sealed class CoverageMatrixTests : IDisposable
{
    private static readonly IReadOnlyList<ApiSpec> AllSpecs = CoverageSources.Specs(RepoPaths.Root);

    /// <summary>The airline spec alone: the doctored-pact tests below are about it.</summary>
    private static readonly IReadOnlyList<ApiSpec> Specs = [AllSpecs.Single(s => s.Provider == CoverageSources.AirlineProvider)];

    private static ApiSpec Atlas => AllSpecs.Single(s => s.Provider == AtlasSpec.Provider);

    /// <summary>Operations in the Airline OpenAPI spec, counted here from the YAML itself (not through OpenApiSpecReader).</summary>
    private static int AirlineOperationCount => SpecDocument.AirlineApi.Paths
        .Sum(path => path.Value!.AsObject().Count(method => method.Value is JsonObject operation && operation["operationId"] is not null));

    /// <summary>Endpoints the Atlas reference describes ("POST /….do"), counted here from the Markdown itself.</summary>
    private static int AtlasEndpointCount => Regex.Matches(File.ReadAllText(CoverageSources.AtlasReferencePath(RepoPaths.Root)), @"POST (/[A-Za-z/]+\.do)")
        .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();

    private static int MessageTypeCount => CoverageSources.MessageSpecs.Sum(m => m.Types.Count);

    private readonly TempDirectory _directory = new();

    [Fact]
    public void Build_RepoPacts_EveryOperationHasAnInteraction()
    {
        var matrix = CoverageMatrix.Build(AllSpecs, RepoPacts.Load(), CoverageSources.MessageSpecs);

        matrix.UnpinnedOperations.Select(r => r.Operation.OperationId).Should().BeEmpty("every operation needs at least one interaction");
        matrix.UncoveredMessageTypes.Should().BeEmpty("every webhook notification type needs a message");
        var operations = AirlineOperationCount + AtlasEndpointCount;
        matrix.Summary.Should().Be($"{operations}/{operations} operations pinned, {MessageTypeCount}/{MessageTypeCount} message types pinned");
    }

    [Fact]
    public void Specs_OperationCounts_AreTheAirlineSpecsAndTheAtlasReferences()
    {
        AllSpecs.Single(s => s.Provider == CoverageSources.AirlineProvider).Operations.Should().HaveCount(AirlineOperationCount);
        Atlas.Operations.Should().HaveCount(AtlasEndpointCount);
        AtlasEndpointCount.Should().BePositive();
    }

    [Fact]
    public void ReadAtlas_ReferenceDescribesAnUnlistedEndpoint_FailsNamingIt()
    {
        var reference = Path.Combine(_directory.Path, "atlas-notifications.md");
        File.WriteAllText(reference, File.ReadAllText(CoverageSources.AtlasReferencePath(RepoPaths.Root)) + "\n`POST /event/newThing.do`\n");

        var read = () => AtlasSpec.Read(reference);

        read.Should().Throw<InvalidDataException>().WithMessage("*POST /event/newThing.do*AtlasSpec*");
    }

    [Fact]
    public void Build_RepoAtlasPact_PinsEveryDocumentedOutcomeButIllegalData()
    {
        var matrix = CoverageMatrix.Build(AllSpecs, RepoPacts.Load(), CoverageSources.MessageSpecs);

        var rows = matrix.Specs.Single(s => s.Spec.Provider == AtlasSpec.Provider).Rows.ToDictionary(r => r.Operation.OperationId);
        rows["getPageList"].PinnedStatuses.Should().Equal("0", "100", "900", "429");
        rows["updateWebhookURL"].PinnedStatuses.Should().Equal("0", "100", "900", "429");
        foreach (var confirm in new[] { "confirmEmailScheduleChangeEvent", "confirmAbnormalCancelledEvent", "confirmEvent" })
        {
            rows[confirm].PinnedStatuses.Should().Equal(["0", "100", "900", "429", "2"], confirm);
        }

        rows.Values.Should().OnlyContain(r => r.UndeclaredStatuses.Count == 0);
    }

    [Fact]
    public void Build_AtlasEndpointWithoutInteraction_IsListedUnpinned()
    {
        var operations = Atlas.Operations.Where(o => o.OperationId != "confirmEvent");
        var pact = DoctoredPact.Write(_directory.Path, [.. operations.Select(o => DoctoredPact.Interaction(
            $"a request for {o.OperationId}", "POST", "/atlas" + o.PathTemplate, null, 200, new JsonObject { ["status"] = 900, ["msg"] = "no" }))]);
        var json = JsonNode.Parse(File.ReadAllText(pact.Path))!;
        json["provider"]!["name"] = AtlasSpec.Provider;
        File.WriteAllText(pact.Path, json.ToJsonString());

        var matrix = CoverageMatrix.Build([Atlas], [PactFile.Load(pact.Path)]);

        matrix.UnpinnedOperations.Select(r => r.Operation.OperationId).Should().Equal("confirmEvent");
        matrix.Specs.Single().Rows.First().PinnedStatuses.Should().Equal("900");
    }

    [Fact]
    public void Build_MessagePactMissingAType_ListsItUncovered()
    {
        var pact = Path.Combine(_directory.Path, "receiver-atlas-notifications.json");
        var interactions = new JsonArray([.. AtlasSpec.NotificationTypes.Where(t => t != "order.void").Select(t => (JsonNode)new JsonObject
        {
            ["type"] = "Asynchronous/Messages",
            ["description"] = $"a {t} notification",
            ["contents"] = new JsonObject { ["content"] = new JsonObject { ["type"] = t } },
        })]);
        File.WriteAllText(pact, new JsonObject
        {
            ["consumer"] = new JsonObject { ["name"] = "receiver" },
            ["provider"] = new JsonObject { ["name"] = AtlasSpec.MessageProvider },
            ["interactions"] = interactions,
        }.ToJsonString());

        var matrix = CoverageMatrix.Build(Specs, [PactFile.Load(pact)], CoverageSources.MessageSpecs);

        matrix.UncoveredMessageTypes.Should().Equal("order.void");
        matrix.Summary.Should().Be($"0/{AirlineOperationCount} operations pinned, {MessageTypeCount - 1}/{MessageTypeCount} message types pinned");
        matrix.ToText().Should().Contain("order.void  NOT PINNED");
    }

    [Fact]
    public void ToMarkdown_RepoPacts_EqualsTheCommittedCoverageFile()
    {
        var expected = CoverageMatrix.Build(AllSpecs, RepoPacts.Load(), CoverageSources.MessageSpecs).ToMarkdown();
        var path = CoverageSources.CoverageMarkdownPath(RepoPaths.Root);

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";

        committed.Should().Be(expected, "contracts/COVERAGE.md must be regenerated: dotnet run --project contracts/Harness.Coverage -- --write contracts/COVERAGE.md");
    }

    [Fact]
    public void Build_AirlineSpec_HasEveryOperationUnderTheServerBasePath()
    {
        var airline = Specs.Single();

        airline.Operations.Should().HaveCount(AirlineOperationCount);
        airline.BasePath.Should().Be("/airline/v1.1");
        airline.Operations.Single(o => o.OperationId == "getCustomerDg_exercisesIdSession").DeclaredStatuses
            .Should().Equal("200", "400", "404", "422", "500");
    }

    [Fact]
    public void Build_OneInteractionPerOperation_AllPinned()
    {
        var pact = DoctoredPact.Write(_directory.Path, [.. Specs.Single().Operations.Select(InteractionFor)]);

        var matrix = CoverageMatrix.Build(Specs, [pact]);

        matrix.Summary.Should().Be($"{AirlineOperationCount}/{AirlineOperationCount} operations pinned");
        matrix.Specs.Single().Rows.Should().OnlyContain(r => r.Interactions.Count == 1 && r.UndeclaredStatuses.Count == 0);
    }

    [Fact]
    public void Build_OperationWithoutInteraction_IsListedUnpinned()
    {
        var operations = Specs.Single().Operations.Where(o => o.OperationId != "putDg_contractsIdItinerary_slices");
        var pact = DoctoredPact.Write(_directory.Path, [.. operations.Select(InteractionFor)]);

        var matrix = CoverageMatrix.Build(Specs, [pact]);

        matrix.Summary.Should().Be($"{AirlineOperationCount - 1}/{AirlineOperationCount} operations pinned");
        matrix.UnpinnedOperations.Select(r => r.Operation.OperationId).Should().Equal("putDg_contractsIdItinerary_slices");
    }

    [Fact]
    public void Build_UndeclaredStatusAndUnknownPath_AreDrift()
    {
        var pact = DoctoredPact.Write(
            _directory.Path,
            DoctoredPact.Interaction("a contract answered 409", "GET", "/airline/v1.1/cfar_contracts/c-1", null, 409, null),
            DoctoredPact.Interaction("a contract answered 404", "GET", "/airline/v1.1/cfar_contracts/c-2", null, 404, null),
            DoctoredPact.Interaction("a request for refunds", "GET", "/airline/v1.1/refunds", null, 200, null));

        var matrix = CoverageMatrix.Build(Specs, [pact]);

        var row = matrix.Specs.Single().Rows.Single(r => r.Operation.OperationId == "getCfar_contractsId");
        row.Interactions.Should().HaveCount(2);
        row.PinnedStatuses.Should().Equal("404");
        row.UndeclaredStatuses.Should().Equal("409");
        matrix.Specs.Single().Unmatched.Select(i => i.Description).Should().Equal("a request for refunds");
        matrix.ToText().Should().Contain("DRIFT: undeclared 409").And.Contain("'a request for refunds' addresses no operation");
    }

    [Fact]
    public void ToMarkdown_PinnedAndUnpinnedCodes_RendersTicksDashesAndCounts()
    {
        var pact = DoctoredPact.Write(_directory.Path, DoctoredPact.ValidAuthInteraction());

        var markdown = CoverageMatrix.Build(Specs, [pact]).ToMarkdown();

        markdown.Should().Contain("| operationId | method | path | 200 | 201 | 204 | 400 | 401 | 403 | 404 | 422 | 500 | interactions | undeclared (drift) |")
            .And.Contain("| postAuth | POST | `/auth` |   | ✓ |   | — | — | — |   | — |   | 1 |  |")
            .And.Contain($"**1/{AirlineOperationCount} operations pinned**")
            .And.Contain("`doctored-consumer-hts-airlines-api.json`");
    }

    [Fact]
    public void Build_PactForUnknownProvider_FailsNamingIt()
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        var pact = DoctoredPact.Write(_directory.Path, interaction);
        var json = JsonNode.Parse(File.ReadAllText(pact.Path))!;
        json["provider"]!["name"] = "some-other-api";
        File.WriteAllText(pact.Path, json.ToJsonString());

        var build = () => CoverageMatrix.Build(Specs, [PactFile.Load(pact.Path)]);

        build.Should().Throw<InvalidDataException>().WithMessage("*'some-other-api'*hts-airlines-api*");
    }

    [Theory]
    [InlineData("GET", "/airline/v1.1/cfar_contracts/c-1", "getCfar_contractsId")]
    [InlineData("PUT", "/airline/v1.1/cfar_contracts/c-1/update_status", "putCfar_contractsIdUpdate_status")]
    [InlineData("POST", "/airline/v1.1/cfar_offers/external", "postCfar_offersExternal")]
    [InlineData("GET", "/airline/v1.1/customer/cfar/payout/receipt?x=1", "getCustomerCfarPayoutReceipt")]
    [InlineData("post", "/airline/v1.1/auth", "postAuth")]
    public void FindOperation_ConcretePath_MatchesItsTemplate(string method, string path, string operationId) =>
        Specs.Single().FindOperation(method, path)!.OperationId.Should().Be(operationId);

    [Theory]
    [InlineData("GET", "/airline/v1.1/cfar_contracts")]
    [InlineData("GET", "/airline/v1.1/cfar_contracts/c-1/extra")]
    [InlineData("GET", "/airline/v1.2/cfar_contracts/c-1")]
    [InlineData("PATCH", "/airline/v1.1/cfar_contracts/c-1")]
    public void FindOperation_PathOrMethodNotInSpec_ReturnsNull(string method, string path) =>
        Specs.Single().FindOperation(method, path).Should().BeNull();

    public void Dispose() => _directory.Dispose();

    private static JsonObject InteractionFor(SpecOperation operation) => DoctoredPact.Interaction(
        $"a request for {operation.OperationId}",
        operation.Method,
        "/airline/v1.1" + operation.PathTemplate.Replace("{id}", "x-1", StringComparison.Ordinal),
        null,
        int.Parse(operation.DeclaredStatuses[0], System.Globalization.CultureInfo.InvariantCulture),
        null);
}
