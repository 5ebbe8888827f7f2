using Harness.Sandbox.Receipts;
using Harness.Spec;

namespace Harness.Sandbox.Tests;

public sealed class SchemaValidatorTests
{
    private static readonly SchemaValidator Validator = SchemaValidator.AirlineApiAsWritten;

    private static IReadOnlyList<ValidationIssue> Validate(string operationId, string json) =>
        Validator.Validate(System.Text.Json.JsonDocument.Parse(json).RootElement, SpecDocument.AirlineApi.RequestSchema(operationId)!);

    [Fact]
    public void RequestSchema_EveryOperation_LoadsFromEmbeddedSpec()
    {
        string[] withBody =
        [
            "postEvents", "postSessions", "postCfar_offers", "postCfar_offersExternal", "postCfar_contracts",
            "putCfar_contractsIdUpdate_status", "putCfar_contractsIdForms_of_payment", "postCfar_contractsIdPayment",
            "putCfar_contractsIdItinerary_slices", "postCfar_contract_exercises", "putCfar_contract_exercisesIdMark_completed",
            "postDg_offers", "postDg_contracts", "postDg_contractsIdPayment", "putDg_contractsIdUpdate_status",
            "putDg_contractsIdItinerary_slices", "postDg_contract_exercises", "postAuth",
        ];
        string[] withoutBody = ["getCfar_contractsId", "getCustomerCfarPayoutReceipt", "getDg_contractsId", "getCustomerDgPayoutReceipt", "getCustomerDg_exercisesIdSession"];

        withBody.Should().AllSatisfy(id => SpecDocument.AirlineApi.RequestSchema(id).Should().NotBeNull());
        withoutBody.Should().AllSatisfy(id => SpecDocument.AirlineApi.RequestSchema(id).Should().BeNull());
    }

    [Fact]
    public void RequestSchema_UnknownOperation_ThrowsNamingIt()
    {
        var act = () => SpecDocument.AirlineApi.RequestSchema("postNothing");

        act.Should().Throw<ArgumentException>().WithMessage("*postNothing*");
    }

    [Fact]
    public void Validate_PointsWithoutCurrency_IsValid()
    {
        Validate("putCfar_contractsIdForms_of_payment", "{\"forms_of_payment\":[{\"type\":\"points\",\"amount\":\"10\"}]}").Should().BeEmpty();
    }

    [Fact]
    public void Validate_CashWithoutCurrency_NamesCurrency()
    {
        var issues = Validate("putCfar_contractsIdForms_of_payment", "{\"forms_of_payment\":[{\"type\":\"cash\",\"amount\":\"10\"}]}");

        issues.Should().ContainSingle().Which.Field.Should().Be("forms_of_payment[0].currency");
    }

    [Fact]
    public void Validate_RecursivePreviousSlice_ValidatesNestedLevel()
    {
        var segment = "{\"origin_airport\":\"YUL\",\"destination_airport\":\"CDG\",\"departure_date_time\":\"2030-01-01T10:00:00\",\"arrival_date_time\":\"2030-01-01T17:00:00\",\"estimated_departure_date_time\":\"2030-01-01T10:00:00\",\"estimated_arrival_date_time\":\"2030-01-01T17:00:00\",\"flight_number\":\"AC870\",\"validating_carrier_code\":\"AC\",\"cabin\":\"economy\",\"flight_status\":\"delayed\"}";
        var json = "{\"contract_id\":\"c\",\"pnr_reference\":\"P\",\"itinerary\":{\"passenger_count\":[{\"count\":1,\"passenger_type\":\"adult\"}],\"slices\":[{\"segments\":[" +
            segment.Replace("delayed", "confirmed", StringComparison.Ordinal) + "],\"previous_slice\":{\"segments\":[" + segment + "]}}]}}";

        var issues = Validate("postDg_contract_exercises", json);

        issues.Should().ContainSingle().Which.Field.Should().Be("itinerary.slices[0].previous_slice.segments[0].flight_status");
    }

    [Fact]
    public void Validate_IntegerGivenAsDecimal_IsSyntaxIssue()
    {
        var issues = Validate("postSessions", "{\"flow_type\":\"purchase\",\"language\":\"en\",\"point_of_sale\":\"CA\",\"user_info\":{\"airline_user_id\":\"u\",\"previous_bookings\":1.5}}");

        issues.Should().ContainSingle().Which.Should().Match<ValidationIssue>(i => i.IsSyntax && i.Field == "user_info.previous_bookings");
    }

    [Fact]
    public void Validate_NegativePreviousBookings_IsMinimumIssue()
    {
        var issues = Validate("postSessions", "{\"flow_type\":\"purchase\",\"language\":\"en\",\"point_of_sale\":\"CA\",\"user_info\":{\"airline_user_id\":\"u\",\"previous_bookings\":-1}}");

        issues.Should().ContainSingle().Which.Code.Should().Be("minimum");
    }

    [Fact]
    public void Validate_MapWithNonStringValue_NamesTheEntry()
    {
        var issues = Validate("postCfar_contracts", "{\"offer_ids\":[\"o\"],\"ext_attributes\":{\"k\":1},\"itinerary\":{\"currency\":\"CAD\",\"passenger_pricing\":[{\"passenger_count\":{\"count\":1,\"type\":\"adult\"},\"individual_price\":\"1\"}],\"slices\":[{\"segments\":[{\"origin_airport\":\"YUL\",\"destination_airport\":\"CDG\",\"departure_date_time\":\"2030-01-01T10:00:00\",\"arrival_date_time\":\"2030-01-01T17:00:00\",\"flight_number\":\"AC870\",\"validating_carrier_code\":\"AC\",\"fare_class\":\"economy\"}]}]}}");

        issues.Should().ContainSingle().Which.Field.Should().Be("ext_attributes.k");
    }

    [Fact]
    public void PdfReceipt_TextWithParentheses_StaysValidAndEscaped()
    {
        var pdf = PdfReceipt.Build("Receipt (copy)", ["Line with \\ backslash", "Accents: é"]);

        var text = PdfAssertions.ShouldBeValidPdf(pdf);
        text.Should().Contain("Receipt \\(copy\\)").And.Contain("Accents: ?");
    }
}
