namespace Harness.ApiFacts.Tests;

/// <summary>The operation table against the spec (the repo's copy): every column that the spec decides.</summary>
public sealed class AirlineOperationsTests
{
    private static readonly JsonObject Spec = SpecDocument.AirlineApi.Root;

    [Fact]
    public void All_ListsTheSpecsTwentyThreeOperationsWithTheirMethodAndPath()
    {
        var specOperations = SpecDocument.AirlineApi.Paths
            .SelectMany(p => p.Value!.AsObject().Select(m => (Id: (string)m.Value!["operationId"]!, Method: m.Key.ToUpperInvariant(), Path: p.Key)))
            .ToList();

        specOperations.Should().HaveCount(23);
        AirlineOperations.All.Select(o => (Id: o.OperationId, o.Method, Path: o.PathTemplate))
            .Should().BeEquivalentTo(specOperations);
    }

    [Fact]
    public void BasePath_IsThePathOfTheSpecsServerUrl()
    {
        var server = new Uri((string)Spec["servers"]![0]!["url"]!);

        AirlineOperations.BasePath.Should().Be(server.AbsolutePath.TrimEnd('/'));
    }

    [Fact]
    public void All_SuccessCodesSessionHeadersAndResponseHeaders_MatchTheSpec()
    {
        foreach (var operation in AirlineOperations.All)
        {
            var spec = SpecDocument.AirlineApi.Operation(operation.OperationId);
            var successes = spec["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            operation.SuccessStatusCodes.Should().BeEquivalentTo(
                successes.Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)), operation.OperationId);

            var header = (spec["parameters"] as JsonArray ?? []).FirstOrDefault(p => (string?)p!["name"] == "HC-Session-ID");
            var sessionAuth = Security(spec).Contains("SessionAuth");
            var expected = header is null ? (sessionAuth ? SessionHeaderUsage.Optional : SessionHeaderUsage.NotDeclared)
                : (bool?)header["required"] == true ? SessionHeaderUsage.Required : SessionHeaderUsage.Optional;
            operation.SessionHeader.Should().Be(expected, operation.OperationId);

            operation.ReturnsHtsSessionId.Should().Be(successes.Any(r => r.Value!["headers"]?["HTS-Session-ID"] is not null), operation.OperationId);
            operation.CacheHeaders.Should().Be(
                successes.All(r => r.Value!["headers"]?["Expires"] is not null && r.Value["headers"]?["Cache-Control"] is not null), operation.OperationId);
        }
    }

    [Fact]
    public void All_TokenAndProduct_FollowTheSpecsSecurityAndTag()
    {
        foreach (var operation in AirlineOperations.All)
        {
            var spec = SpecDocument.AirlineApi.Operation(operation.OperationId);
            var requiresToken = Security(spec).Contains("PartnerAuth");
            operation.RequiresToken.Should().Be(requiresToken, operation.OperationId);

            var tag = (string)spec["tags"]![0]!;
            var product = !requiresToken ? null
                : tag.Contains("(CFAR)", StringComparison.Ordinal) ? Products.Cfar
                : tag.Contains("(DG)", StringComparison.Ordinal) ? Products.Dg
                : null;
            operation.Product.Should().Be(product, operation.OperationId);
        }
    }

    [Fact]
    public void WithNotPerformed_IsExactlyTheEightWithA204BesideABodySuccess()
    {
        var expected = AirlineOperations.All
            .Where(o => o.SuccessStatusCodes.Contains(204) && o.SuccessStatusCodes.Count > 1)
            .Select(o => o.OperationId);

        AirlineOperations.WithNotPerformed.Should().HaveCount(8).And.BeEquivalentTo(expected);
        AirlineOperations.All.Where(o => o.NotPerformedOn204).Select(o => o.OperationId).Should().BeEquivalentTo(AirlineOperations.WithNotPerformed);
    }

    [Fact]
    public void ById_FindsEachOperationAndNamesAnUnknownId()
    {
        AirlineOperations.All.Should().OnlyContain(o => ReferenceEquals(AirlineOperations.ById(o.OperationId), o));

        var unknown = () => AirlineOperations.ById("postNothing");

        unknown.Should().Throw<ArgumentException>().WithMessage("*'postNothing'*");
    }

    [Fact]
    public void ResolvePath_EscapesTheIdAndRefusesAMissingOne()
    {
        AirlineOperations.GetCfarContractsId.ResolvePath("a b/c").Should().Be("cfar_contracts/a%20b%2Fc");
        AirlineOperations.PostAuth.ResolvePath(null).Should().Be("auth");

        var missing = () => AirlineOperations.GetDgContractsId.ResolvePath(" ");

        missing.Should().Throw<ArgumentException>().WithMessage("*getDg_contractsId*");
    }

    private static IReadOnlyList<string> Security(JsonObject operation) =>
        (operation["security"] as JsonArray ?? []).SelectMany(s => s!.AsObject().Select(kv => kv.Key)).ToList();
}
