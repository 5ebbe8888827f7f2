namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class DgTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task PostDgOffers_ValidItinerary_Answers201WithDeterministicTerms()
    {
        // Average fare 300.00: per passenger 5.00 + 3% × 300 = 14.00; service cap max(250, 1.5 × 300) = 450.00.
        var reply = await Api.PostAsync("dg_offers", Bodies.OfferRequest("dg"));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        var offer = reply.Json![0]!;
        ((string)offer["premium_per_passenger"]!).Should().Be("14.00");
        ((string)offer["premium"]!).Should().Be("28.00");
        ((string)offer["service_cap"]!).Should().Be("450.00");
        ((string)offer["coverage"]!).Should().Be("900.00");
        ((int)offer["max_hours_before_departure"]!).Should().Be(24);
        ((int)offer["min_minutes_delay"]!).Should().BePositive();
        offer["contents"]!["fr"]!["bullet_points"]!.AsArray().Should().NotBeEmpty();
        reply.Header("HTS-Session-ID").Should().NotBeNullOrEmpty();
        reply.Header("Cache-Control").Should().NotBeNull();
    }

    [Fact]
    public async Task PostDgContracts_FromOffer_Answers201WithoutPremiumPerPassengerInOffers()
    {
        var (offer, itinerary) = await Api.OfferAsync("dg");

        var reply = await Api.PostAsync("dg_contracts", Bodies.ContractRequest((string)offer["id"]!, itinerary));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        ((string)reply.Json!["status"]!).Should().Be("created");
        ((string)reply.Json!["service_cap"]!).Should().Be((string)offer["service_cap"]!);
        reply.Json!["offers"]![0]!.AsObject().ContainsKey("premium_per_passenger").Should().BeFalse("dg_offer has no premium_per_passenger");
        (await Api.GetAsync($"dg_contracts/{reply.Json!["id"]}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProcessDgPayment_GoodToken_ConfirmsAndDeclineDoesNot()
    {
        var good = await Api.ContractAsync("dg");
        var declined = await Api.ContractAsync("dg");

        var ok = await Api.PostAsync($"dg_contracts/{good}/payment", Bodies.DgPayment());
        var no = await Api.PostAsync($"dg_contracts/{declined}/payment", Bodies.DgPayment(AirlineSandbox.DeclinePaymentToken));

        ok.Json!["succeeded"]!.GetValue<bool>().Should().BeTrue();
        State.ContractStatus(good).Should().Be("confirmed");
        no.Json!["succeeded"]!.GetValue<bool>().Should().BeFalse();
        State.ContractStatus(declined).Should().Be("created");
    }

    [Fact]
    public async Task ProcessDgPayment_CfarFieldName_Answers422NamingPaymentToken()
    {
        var id = await Api.ContractAsync("dg");
        var body = Bodies.DgPayment();
        body.Remove("payment_token");
        body["payment_method_token"] = "tok_visa";

        var reply = await Api.PostAsync($"dg_contracts/{id}/payment", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("payment_token");
    }

    [Fact]
    public async Task UpdateDgItinerarySlices_BareArray_ReplacesSlices()
    {
        var id = await Api.ContractAsync("dg");
        var slices = new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("dg", Bodies.DefaultDeparture, flight: "AC880")), ["fare_brand"] = "flex" });

        var reply = await Api.PutAsync($"dg_contracts/{id}/itinerary_slices", slices);

        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        ((string)reply.Json!["itinerary"]!["slices"]![0]!["segments"]![0]!["flight_number"]!).Should().Be("AC880");
        reply.Json!["itinerary"]!["slices"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task UpdateDgItinerarySlices_WrappedObject_Answers400()
    {
        var id = await Api.ContractAsync("dg");

        var reply = await Api.PutAsync($"dg_contracts/{id}/itinerary_slices", new JsonObject { ["slices"] = new JsonArray() });

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorFields.Should().Equal("body");
    }

    [Fact]
    public async Task UpdateDgItinerarySlices_EmptyArray_Answers422MinItems()
    {
        var id = await Api.ContractAsync("dg");

        var reply = await Api.PutAsync($"dg_contracts/{id}/itinerary_slices", new JsonArray());

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        ((string)reply.Json!["errors"]![0]!["code"]!).Should().Be("min_items");
    }

    [Theory]
    [InlineData("GET", "dg_contracts/nope")]
    [InlineData("POST", "dg_contracts/nope/payment")]
    [InlineData("PUT", "dg_contracts/nope/update_status")]
    [InlineData("PUT", "dg_contracts/nope/itinerary_slices")]
    public async Task DgContractOperation_UnknownId_Answers404(string method, string path)
    {
        JsonNode? body = path.EndsWith("payment", StringComparison.Ordinal) ? Bodies.DgPayment()
            : path.EndsWith("update_status", StringComparison.Ordinal) ? Bodies.Status("voided")
            : path.EndsWith("slices", StringComparison.Ordinal) ? new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("dg", Bodies.DefaultDeparture)) })
            : null;

        var reply = await Api.SendAsync(new HttpMethod(method), path, body, Api.Token);

        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }
}
