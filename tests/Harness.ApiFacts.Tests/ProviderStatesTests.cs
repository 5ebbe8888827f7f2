namespace Harness.ApiFacts.Tests;

/// <summary>The provider-state catalogue: one endpoint serves both APIs, and every state a committed pact names is in it.</summary>
public sealed class ProviderStatesTests
{
    private static IEnumerable<ProviderStateDefinition> Catalogue => ProviderStates.All.Concat(AtlasProviderStates.All);

    [Fact]
    public void Names_AreUniqueAcrossBothApis()
    {
        Catalogue.Select(s => s.Name).Should().OnlyHaveUniqueItems("one POST /_pact/provider-states serves the Airline and the Atlas states");
        ProviderStates.Names.Should().Equal(ProviderStates.All.Select(s => s.Name));
        AtlasProviderStates.Names.Should().Equal(AtlasProviderStates.All.Select(s => s.Name));
    }

    [Fact]
    public void Parameters_AreUniqueWithinAState()
    {
        foreach (var state in Catalogue)
        {
            state.Parameters.Select(p => p.Name).Should().OnlyHaveUniqueItems(state.Name);
        }
    }

    [Fact]
    public void Find_ReturnsTheDefinitionOrNull()
    {
        ProviderStates.Find(ProviderStates.ClientLacksProduct)!.Parameter(ProviderStateParams.Product)!.Required.Should().BeTrue();
        AtlasProviderStates.Find(AtlasProviderStates.IncidentExists)!.Parameter(AtlasProviderStateParams.EventId)!.Required.Should().BeFalse();
        ProviderStates.Find(AtlasProviderStates.IncidentExists).Should().BeNull();
    }

    [Fact]
    public void CommittedPacts_NameOnlyCataloguedStatesWithTheirParameters()
    {
        var pacts = Directory.GetFiles(Path.Combine(RepoPaths.Root, "contracts", "pacts"), "*.json");
        pacts.Should().NotBeEmpty("the committed pacts are written by `dotnet test contracts/Harness.Contracts`");
        var used = 0;
        foreach (var file in pacts)
        {
            var pact = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var interaction in pact["interactions"]!.AsArray())
            {
                foreach (var given in interaction!["providerStates"] as JsonArray ?? [])
                {
                    var name = (string)given!["name"]!;
                    var where = $"{Path.GetFileName(file)}, '{interaction["description"]}', state '{name}'";
                    var definition = Catalogue.FirstOrDefault(s => s.Name == name);
                    definition.Should().NotBeNull($"{where} must be in ProviderStates or AtlasProviderStates");
                    var parameters = (given["params"] as JsonObject ?? []).Select(p => p.Key).ToList();
                    parameters.Should().BeSubsetOf(definition!.Parameters.Select(p => p.Name), where);
                    definition.Parameters.Where(p => p.Required).Select(p => p.Name).Should().BeSubsetOf(parameters, where);
                    used++;
                }
            }
        }

        used.Should().BePositive("the pacts use provider states");
    }
}
