namespace Harness.Sandbox.Tests;

/// <summary>
/// The handlers CFAR and DG share: each product's offers and contracts carry exactly their own fields, and an exercise
/// checks the contract before the session, whatever the product.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ProductHandlerTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    private static readonly string[] SharedOfferFields =
    [
        "id", "premium", "coverage", "coverage_percentage", "currency", "taxes_total", "request_type", "contract_expiry_date_time",
        "created_date_time", "itinerary", "contents", "ext_attributes", "experiments", "terms_conditions_url", "faq_url",
    ];

    private static readonly string[] SharedContractFields =
    [
        "id", "reference", "offers", "itinerary", "coverage_percentage", "coverage", "premium", "currency", "taxes_total",
        "created_date_time", "expiry_date_time", "status", "ext_attributes",
    ];

    private static readonly string[] DgTerms = ["service_cap", "max_hours_before_departure", "min_minutes_delay"];

    public static TheoryData<string, string[]> OfferFields => new()
    {
        { "cfar", SharedOfferFields },
        { "dg", [.. SharedOfferFields, "premium_per_passenger", .. DgTerms] },
    };

    public static TheoryData<string, string[]> ContractFields => new()
    {
        { "cfar", [.. SharedContractFields, "exercise_url"] },
        { "dg", [.. SharedContractFields, .. DgTerms] },
    };

    [Theory]
    [MemberData(nameof(OfferFields))]
    public async Task PostOffers_EachProduct_AnswersExactlyItsOwnFields(string product, string[] fields)
    {
        var (offer, _) = await Api.OfferAsync(product);

        offer.Select(p => p.Key).Should().BeEquivalentTo(fields);
        ((string)offer["terms_conditions_url"]!).Should().Be($"https://sandbox.invalid/{product}/terms");
        ((string)offer["ext_attributes"]!["channel"]!).Should().Be("tests", "the request's ext_attributes are copied");
    }

    [Theory]
    [MemberData(nameof(ContractFields))]
    public async Task PostContracts_EachProduct_AnswersExactlyItsOwnFields(string product, string[] fields)
    {
        var contractId = await Api.ContractAsync(product);

        var contract = State.Contract(contractId)!;

        contract.Select(p => p.Key).Should().BeEquivalentTo(fields);
        ((string)contract["offers"]![0]!["id"]!).Should().NotBeNullOrEmpty();
        contract["offers"]![0]!.AsObject().ContainsKey("premium_per_passenger").Should().BeFalse("neither contract's offers carry it");
    }

    [Theory]
    [InlineData("cfar", false, "contract_id")]
    [InlineData("dg", false, "contract_id")]
    [InlineData("cfar", true, "HC-Session-ID")]
    [InlineData("dg", true, "HC-Session-ID")]
    public async Task CreateExercise_UnknownSession_IsCheckedAfterTheContract(string product, bool confirmed, string field)
    {
        var contractId = confirmed ? await Api.ConfirmedContractAsync(product) : await Api.ContractAsync(product);
        var before = State.Counts();

        var reply = await Api.PostAsync($"{product}_contract_exercises", ExerciseBody(product, contractId), sessionId: "no-such-session");

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, Flows.Describe(reply));
        reply.ErrorFields.Should().Equal(field);
        State.Counts().Should().Be(before);
    }

    /// <summary>A contract is made from its own product's offer only: the other product's offer id is refused, naming offer_ids[0].</summary>
    [Theory]
    [InlineData("cfar", "dg")]
    [InlineData("dg", "cfar")]
    public async Task PostContracts_OtherProductsOffer_Answers422NamingOfferIds(string product, string offerProduct)
    {
        var (offer, _) = await Api.OfferAsync(offerProduct);

        var reply = await Api.PostAsync($"{product}_contracts", Bodies.ContractRequest((string)offer["id"]!, Bodies.Itinerary(product)));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("offer_ids[0]");
    }

    private static JsonObject ExerciseBody(string product, string contractId) =>
        product == "cfar" ? Bodies.CfarExercise(contractId) : Bodies.DgExercise(contractId);
}
