namespace Harness.Verification.Tests.Mutation;

/// <summary>How contracts/mutation-allow.json entries match survivors: exact array markers, operator and interaction lists.</summary>
public sealed class AllowListTests
{
    private static Drift FlipType(string target) => new(DriftOperator.FlipType, target, "string → number");

    private static AllowList Write(TempDirectory directory, string json)
    {
        var path = Path.Combine(directory.Path, "allow.json");
        File.WriteAllText(path, json);
        return AllowList.Load(path);
    }

    [Fact]
    public void Find_ArrayMarkerInTarget_MatchesOnlyItselfNotDeeperFields()
    {
        using var directory = new TempDirectory();
        var allow = Write(directory, """
            {"allow":[{"operator":"flip-type","target":"$.itinerary.slices[*].fare_brand","reason":"cfar_itinerary_slice.fare_brand is optional"}]}
            """);

        allow.Find("'x'", FlipType("$.itinerary.slices[*].fare_brand")).Should().NotBeNull();
        allow.Find("'x'", FlipType("$.itinerary.slices[*].segments[*].fare_brand")).Should().BeNull(
            "[*] is the report's array marker, not a wildcard: a slice's fare_brand says nothing about a segment's");
    }

    [Fact]
    public void Find_OperatorsAndInteractionsLists_AcceptEachListedPairOnly()
    {
        using var directory = new TempDirectory();
        var allow = Write(directory, """
            {"allow":[{"operators":["flip-type","camel-case"],"target":"$.pnr_reference",
              "interactions":["'a request for a CFAR contract'*","'a request for a DG contract'*"],"reason":"pnr_reference is optional"}]}
            """);

        allow.Find("'a request for a CFAR contract' (given a valid token exists)", FlipType("$.pnr_reference")).Should().NotBeNull();
        allow.Find("'a request for a DG contract'", new Drift(DriftOperator.CamelCase, "$.pnr_reference", "rename")).Should().NotBeNull();
        allow.Find("'a request for a CFAR contract that is confirmed'", FlipType("$.pnr_reference")).Should().BeNull();
        allow.Find("'a request for a CFAR contract'", new Drift(DriftOperator.DropRequired, "$.pnr_reference", "removed")).Should().BeNull();
    }

    [Fact]
    public void Load_EntryWithBothOperatorForms_IsRefusedNamingTheEntry()
    {
        using var directory = new TempDirectory();
        var load = () => Write(directory, """
            {"allow":[{"operator":"flip-type","operators":["camel-case"],"target":"$.a","reason":"r"}]}
            """);

        load.Should().Throw<InvalidDataException>().WithMessage("*allow[0] has both \"operator\" and \"operators\"*");
    }

    [Fact]
    public void Load_RepoAllowList_HasNoTargetGlobBeforeItsRoot()
    {
        var allow = AllowList.Load(Path.Combine(RepoPaths.Root, "contracts", "mutation-allow.json"));

        allow.Entries.Should().NotBeEmpty("contracts/mutation-allow.json lists the accepted survivors");
        allow.Entries.Should().OnlyContain(e => e.Target.StartsWith('$') && e.Reason.Length > 20,
            "each entry names an exact field path from the report's root, with the spec rule that leaves it free");
    }
}
