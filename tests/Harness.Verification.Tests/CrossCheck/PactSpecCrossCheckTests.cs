using Cross = Harness.Verification.Tests.CrossCheck.PactSpecCrossCheck;

namespace Harness.Verification.Tests.CrossCheck;

public sealed class PactSpecCrossCheckTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Check_RepoPacts_NoInteractionDriftsFromTheSpec()
    {
        var findings = Cross.AirlineApi.Check(RepoPacts.Load());

        findings.Should().BeEmpty("every pact interaction must agree with the OpenAPI spec:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Check_InteractionThatAgreesWithTheSpec_ReportsNothing()
    {
        var pact = DoctoredPact.Write(_directory.Path, DoctoredPact.ValidAuthInteraction());

        Cross.AirlineApi.Check([pact]).Should().BeEmpty();
    }

    [Fact]
    public void Check_ResponseMissingRequiredField_ReportsRequiredRuleNamingInteractionAndField()
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        interaction["response"]!["body"]!["content"]!.AsObject().Remove("scope");

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be("response-body.required");
        finding.ToString().Should().Contain("'a request to authenticate'").And.Contain("$.scope").And.Contain("postAuth");
    }

    [Fact]
    public void Check_UndeclaredStatus_ReportsStatusDeclared()
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        interaction["response"]!["status"] = 200;

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be(Cross.StatusDeclared);
        finding.Detail.Should().Contain("not 200").And.Contain("201");
    }

    [Fact]
    public void Check_ValueOutsideEnum_ReportsEnumRule()
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        interaction["response"]!["body"]!["content"]!["token_type"] = "Mac";

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be("response-body.enum");
        finding.Detail.Should().Contain("$.token_type").And.Contain("\"Mac\"");
    }

    [Fact]
    public void Check_ValueBreakingPatternDeepInRequest_ReportsPatternRuleWithItsPath()
    {
        var schema = SpecDocument.AirlineApi.RequestBodySchema("postCfar_contract_exercises");
        var body = SchemaSampler.Minimal.Sample(schema);
        var segment = body["itinerary"]!["slices"]![0]!["segments"]![0]!;
        segment["origin_airport"] = "bos";
        var interaction = DoctoredPact.Interaction(
            "a request to exercise a CFAR contract", "POST", "/airline/v1.1/cfar_contract_exercises", body, 201, null);

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be("request-body.pattern");
        finding.Detail.Should().Contain("$.itinerary.slices[0].segments[0].origin_airport").And.Contain("'bos'");
    }

    [Fact]
    public void Check_ErrorInteractionSendingABadRequestOnPurpose_HoldsOnlyTheResponseToTheSpec()
    {
        var interaction = DoctoredPact.Interaction(
            "a request for an access token with a wrongly typed client_id",
            "POST",
            "/airline/v1.1/auth",
            new JsonObject { ["client_id"] = 42, ["client_secret"] = "not-a-real-secret" },
            400,
            new JsonObject { ["errors"] = new JsonArray() });

        Cross.AirlineApi.Check([DoctoredPact.Write(_directory.Path, interaction)]).Should().BeEmpty();

        interaction["response"]!["status"] = 201;
        interaction["response"]!["body"]!["content"] = DoctoredPact.ValidAuthInteraction()["response"]!["body"]!["content"]!.DeepClone();
        SingleFinding(interaction).Rule.Should().Be("request-body.invalid_type");
    }

    [Fact]
    public void Check_BinaryBodyRecordedAsAnyTypeWithPdfHeader_UsesTheHeader()
    {
        var interaction = DoctoredPact.Interaction("a request for a CFAR payout receipt", "GET", "/airline/v1.1/customer/cfar/payout/receipt", null, 200, null);
        interaction["request"]!["headers"]!["verification-code"] = new JsonArray("0b7e4c2d");
        interaction["response"]!["headers"]!["Content-Type"] = new JsonArray("application/pdf");
        interaction["response"]!["body"] = new JsonObject { ["content"] = "JVBERi0xLjQK", ["contentType"] = "*/*", ["encoded"] = "base64" };

        Cross.AirlineApi.Check([DoctoredPact.Write(_directory.Path, interaction)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_UnknownPath_ReportsPathExists()
    {
        var interaction = DoctoredPact.Interaction("a request for refunds", "GET", "/airline/v1.1/refunds/r-1", null, 200, null);

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be(Cross.PathExists);
        finding.Detail.Should().Contain("/airline/v1.1/refunds/r-1");
    }

    [Fact]
    public void Check_PathWithoutBasePath_ReportsPathExists()
    {
        var interaction = DoctoredPact.Interaction("a request for a contract", "GET", "/cfar_contracts/c-1", null, 200, null);

        SingleFinding(interaction).Rule.Should().Be(Cross.PathExists);
    }

    [Fact]
    public void Check_MethodTheTemplatedPathDoesNotHave_ReportsMethodAllowed()
    {
        var interaction = DoctoredPact.Interaction("a request to delete a contract", "DELETE", "/airline/v1.1/cfar_contracts/c-1", null, 204, null);

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be(Cross.MethodAllowed);
        finding.Detail.Should().Contain("DELETE");
    }

    /// <summary>A header the spec does not declare on that side of postAuth: the finding names the rule, the header and where.</summary>
    [Theory]
    [InlineData("request", "X-Debug-Mode", Cross.RequestHeaderDeclared, "X-Debug-Mode")]
    [InlineData("response", "X-Trace-Id", Cross.ResponseHeaderDeclared, "postAuth 201")]
    public void Check_UndeclaredHeader_ReportsHeaderDeclared(string side, string header, string rule, string detail)
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        interaction[side]!["headers"]![header] = new JsonArray("on");

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be(rule);
        finding.Detail.Should().Contain(header).And.Contain(detail);
    }

    [Fact]
    public void Check_SessionHeaderOnAnOperationDeclaringIt_ReportsNothing()
    {
        var interaction = DoctoredPact.Interaction("a request for a contract", "GET", "/airline/v1.1/cfar_contracts/c-1", null, 404, null);
        interaction["request"]!["headers"]!["HC-Session-ID"] = new JsonArray("9fd3f2f9-e5aa-4128-ace9-3c4ee37b685f");
        interaction["request"]!["headers"]!["Authorization"] = new JsonArray("Bearer a-token");

        Cross.AirlineApi.Check([DoctoredPact.Write(_directory.Path, interaction)]).Should().BeEmpty();
    }

    [Fact]
    public void Check_ResponseBodyOfUndeclaredContentType_ReportsResponseContentType()
    {
        var interaction = DoctoredPact.ValidAuthInteraction();
        interaction["response"]!["headers"]!["Content-Type"] = new JsonArray("text/plain");
        interaction["response"]!["body"]!["contentType"] = "text/plain";

        var finding = SingleFinding(interaction);

        finding.Rule.Should().Be(Cross.ResponseContentType);
        finding.Detail.Should().Contain("text/plain").And.Contain("application/json");
    }

    [Fact]
    public void Check_BodyOnResponseDeclaringNone_ReportsResponseBodyDeclared()
    {
        var interaction = DoctoredPact.Interaction(
            "a request for a missing contract", "GET", "/airline/v1.1/dg_contracts/d-1", null, 404, new JsonObject { ["detail"] = "nope" });
        interaction["request"]!["headers"]!["Authorization"] = new JsonArray("Bearer a-token");

        SingleFinding(interaction).Rule.Should().Be(Cross.ResponseBodyDeclared);
    }

    public void Dispose() => _directory.Dispose();

    private CrossCheckFinding SingleFinding(JsonObject interaction)
    {
        var findings = Cross.AirlineApi.Check([DoctoredPact.Write(_directory.Path, interaction)]);
        findings.Should().ContainSingle("one rule is broken, got:{0}{1}", Environment.NewLine, string.Join(Environment.NewLine, findings));
        return findings[0];
    }
}
