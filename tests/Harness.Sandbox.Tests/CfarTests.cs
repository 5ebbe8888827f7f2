using System.Globalization;

namespace Harness.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class CfarTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task PostCfarOffers_ValidItinerary_Answers201WithDeterministicPricingAndHeaders()
    {
        // 2 adults × 300.00 = 600.00, 40 days out: premium = 600 × 6% + 2 × 2.00 = 40.00; coverage = 80% = 480.00.
        var reply = await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        var offer = reply.Json!.AsArray().Should().ContainSingle().Subject!;
        ((string)offer["premium"]!).Should().Be("40.00");
        ((string)offer["coverage"]!).Should().Be("480.00");
        ((string)offer["coverage_percentage"]!).Should().Be("80.00");
        ((string)offer["currency"]!).Should().Be("CAD");
        ((string)offer["request_type"]!).Should().Be("fare");
        offer["contents"]!.AsObject().Select(kv => kv.Key).Should().Contain(["en", "fr"]);
        offer["contents"]!["en"]!["bullet_points"]!.AsArray().Should().NotBeEmpty();
        offer["ext_attributes"]!["channel"]!.GetValue<string>().Should().Be("tests");
        reply.Header("HTS-Session-ID").Should().NotBeNullOrEmpty();
        reply.Header("Cache-Control").Should().NotBeNullOrEmpty();
        var expires = DateTimeOffset.ParseExact(reply.Header("Expires")!, "R", CultureInfo.InvariantCulture);
        expires.Should().BeCloseTo(Api.Host.Sandbox.Now, TimeSpan.FromSeconds(5), "Expires is the sandbox clock's now (never cacheable)");
        State.HasOffer((string)offer["id"]!).Should().BeTrue();
        State.HasSession(reply.Header("HTS-Session-ID")!).Should().BeTrue();
    }

    [Theory]
    [InlineData("flight_number", "AC999")]
    [InlineData("origin_airport", "YYZ")]
    [InlineData("departure_date_time", null)]
    public async Task PostCfarContracts_ReturnSegmentChanged_Answers422ItineraryMismatch(string property, string? value)
    {
        // The offer's itinerary fingerprint covers every segment of every slice, not only the first.
        var (offer, itinerary) = await Api.OfferAsync("cfar");
        var changed = itinerary.DeepClone().AsObject();
        var returnSegment = changed["slices"]![1]!["segments"]![0]!;
        returnSegment[property] = value ?? Bodies.Local(Bodies.DefaultDeparture.AddDays(8));

        var reply = await Api.PostAsync("cfar_contracts", Bodies.ContractRequest((string)offer["id"]!, changed));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, Flows.Describe(reply));
        ((string)reply.Json!["errors"]![0]!["code"]!).Should().Be("itinerary_mismatch");
    }

    [Fact]
    public async Task PostCfarContracts_SameItineraryWithEscapedText_IsTheOffersItinerary()
    {
        // "\u0059UL" is YUL: the fingerprint compares values, not how a request escaped them.
        var (offer, itinerary) = await Api.OfferAsync("cfar");
        var body = Bodies.ContractRequest((string)offer["id"]!, itinerary).ToJsonString().Replace("\"YUL\"", "\"\\u0059UL\"", StringComparison.Ordinal);
        body.Should().Contain("\\u0059UL");

        var reply = await Api.SendRawAsync(HttpMethod.Post, "cfar_contracts", body, Api.Token);

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
    }

    [Fact]
    public async Task PostCfarOffers_SameItineraryTwice_PricesIdentically()
    {
        var first = await Api.OfferAsync("cfar");
        var second = await Api.OfferAsync("cfar");

        first.Offer["premium"]!.GetValue<string>().Should().Be(second.Offer["premium"]!.GetValue<string>());
        first.Offer["id"]!.GetValue<string>().Should().NotBe(second.Offer["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostCfarOffers_DepartureWithinAWeek_ChargesHigherRate()
    {
        // 5 days out: 600 × 10% + 4.00 = 64.00.
        var (offer, _) = await Api.OfferAsync("cfar", Bodies.Itinerary("cfar", DateTime.UtcNow.Date.AddDays(5).AddHours(12)));

        ((string)offer["premium"]!).Should().Be("64.00");
    }

    [Fact]
    public async Task PostCfarOffers_KnownSessionHeader_EchoesItAsHtsSessionId()
    {
        var session = await Api.SessionAsync();

        var reply = await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"), session);

        reply.Header("HTS-Session-ID").Should().Be(session);
    }

    [Fact]
    public async Task PostCfarOffers_UnknownSessionHeader_Answers422()
    {
        var reply = await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar"), "no-such-session");

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("HC-Session-ID");
    }

    [Fact]
    public async Task PostCfarOffers_DepartedItinerary_Answers422()
    {
        var reply = await Api.PostAsync("cfar_offers", Bodies.OfferRequest("cfar", Bodies.Itinerary("cfar", DateTime.UtcNow.AddDays(-1))));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Single().Should().Contain("departure_date_time");
    }

    [Fact]
    public async Task PostCfarOffersExternal_ValidRequest_Answers201WithSingleOffer()
    {
        var body = new JsonObject
        {
            ["external_id"] = "EXT-1",
            ["country_code"] = "CA",
            ["currency"] = "CAD",
            ["to_usd_exchange_rate"] = "0.75",
            ["premium_total_amount"] = "30.00",
            ["premium_percentage"] = "0.05",
            ["payout_total_amount"] = "480.00",
            ["payout_percentage"] = "0.8",
            ["taxes_total"] = "1.50",
            ["contract_expiry_date_time"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["itinerary"] = Bodies.Itinerary("cfar"),
            ["min_minutes_delay"] = 60,
        };

        var reply = await Api.PostAsync("cfar_offers/external", body);

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        reply.Json.Should().BeOfType<JsonObject>();
        ((string)reply.Json!["premium"]!).Should().Be("30.00");
        ((string)reply.Json!["coverage_percentage"]!).Should().Be("80.00");
        ((string)reply.Json!["ext_attributes"]!["external_id"]!).Should().Be("EXT-1");
        reply.Header("HTS-Session-ID").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task PostCfarContracts_FromExternalOfferInAnotherCurrency_CarriesTheOffersCurrencyAndPremium()
    {
        // The offer's currency is read back from its kept answer: here it differs from the itinerary's (CAD).
        var itinerary = Bodies.Itinerary("cfar");
        var body = new JsonObject
        {
            ["external_id"] = "EXT-2", ["country_code"] = "CA", ["currency"] = "USD", ["to_usd_exchange_rate"] = "1",
            ["premium_total_amount"] = "31.25", ["premium_percentage"] = "0.05", ["payout_total_amount"] = "480.00",
            ["payout_percentage"] = "0.8", ["taxes_total"] = "1.50",
            ["contract_expiry_date_time"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["itinerary"] = itinerary.DeepClone(), ["min_minutes_delay"] = 60,
        };
        var offer = await Api.PostAsync("cfar_offers/external", body);
        offer.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(offer));

        var reply = await Api.PostAsync("cfar_contracts", Bodies.ContractRequest((string)offer.Json!["id"]!, itinerary));

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        ((string)itinerary["currency"]!).Should().Be("CAD");
        ((string)reply.Json!["currency"]!).Should().Be("USD");
        ((string)reply.Json!["premium"]!).Should().Be("31.25");
    }

    [Fact]
    public async Task PostCfarOffersExternal_ZeroExchangeRate_Answers422ExclusiveMinimum()
    {
        var body = new JsonObject
        {
            ["external_id"] = "EXT-1", ["country_code"] = "CA", ["currency"] = "CAD", ["to_usd_exchange_rate"] = "0",
            ["premium_total_amount"] = "30.00", ["premium_percentage"] = "0.05", ["payout_total_amount"] = "480.00",
            ["payout_percentage"] = "0.8", ["taxes_total"] = "1.50", ["contract_expiry_date_time"] = "2099-01-01T00:00:00Z",
            ["itinerary"] = Bodies.Itinerary("cfar"), ["min_minutes_delay"] = 60,
        };

        var reply = await Api.PostAsync("cfar_offers/external", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("to_usd_exchange_rate");
    }

    [Fact]
    public async Task PostCfarContracts_FromOffer_Answers201CreatedContractFindableByGet()
    {
        var (offer, itinerary) = await Api.OfferAsync("cfar");
        var body = Bodies.ContractRequest((string)offer["id"]!, itinerary);
        body["pnr_reference"] = "ABC123";

        var reply = await Api.PostAsync("cfar_contracts", body);

        reply.Status.Should().Be(HttpStatusCode.Created, Flows.Describe(reply));
        var contract = reply.Json!;
        ((string)contract["status"]!).Should().Be("created");
        ((string)contract["premium"]!).Should().Be((string)offer["premium"]!);
        ((string)contract["coverage"]!).Should().Be((string)offer["coverage"]!);
        ((string)contract["reference"]!).Should().MatchRegex("^[0-9A-F]{16}$");
        ((string)contract["pnr_reference"]!).Should().Be("ABC123");
        contract["offers"]![0]!["id"]!.GetValue<string>().Should().Be((string)offer["id"]!);
        reply.Header("Cache-Control").Should().NotBeNull();

        var get = await Api.GetAsync($"cfar_contracts/{contract["id"]}");
        get.Status.Should().Be(HttpStatusCode.OK);
        get.Json!.ToJsonString().Should().Be(contract.ToJsonString());
    }

    [Fact]
    public async Task PostCfarContracts_UnknownOffer_Answers422NamingOfferIds()
    {
        var before = State.Counts();

        var reply = await Api.PostAsync("cfar_contracts", Bodies.ContractRequest("no-such-offer", Bodies.Itinerary("cfar")));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("offer_ids[0]");
        State.Counts().Should().Be(before);
    }

    [Theory]
    [InlineData("flight")]
    [InlineData("passengers")]
    [InlineData("currency")]
    public async Task PostCfarContracts_ItineraryDiffersFromOffer_Answers422(string change)
    {
        var (offer, itinerary) = await Api.OfferAsync("cfar");
        var other = (JsonObject)itinerary.DeepClone();
        switch (change)
        {
            case "flight":
                other["slices"]![0]!["segments"]![0]!["flight_number"] = "AC999";
                break;
            case "passengers":
                other["passenger_pricing"]![0]!["passenger_count"]!["count"] = 3;
                break;
            default:
                other["currency"] = "USD";
                break;
        }

        var before = State.Counts();
        var reply = await Api.PostAsync("cfar_contracts", Bodies.ContractRequest((string)offer["id"]!, other));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("itinerary");
        State.Counts().Should().Be(before);
    }

    [Fact]
    public async Task GetCfarContract_UnknownOrDgId_Answers404()
    {
        var dg = await Api.ContractAsync("dg");

        (await Api.GetAsync("cfar_contracts/no-such-id")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync($"cfar_contracts/{dg}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateCfarStatus_ConfirmWithoutPnr_Answers422AndKeepsCreated()
    {
        var id = await Api.ContractAsync("cfar");

        var reply = await Api.PutAsync($"cfar_contracts/{id}/update_status", Bodies.Status("confirmed", pnr: null));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("pnr_reference");
        State.ContractStatus(id).Should().Be("created");
    }

    [Fact]
    public async Task UpdateCfarStatus_Confirm_Answers200WithConfirmedContract()
    {
        var id = await Api.ContractAsync("cfar");

        var reply = await Api.PutAsync($"cfar_contracts/{id}/update_status", Bodies.Status("confirmed", "XYZ789"));

        reply.Status.Should().Be(HttpStatusCode.OK);
        ((string)reply.Json!["status"]!).Should().Be("confirmed");
        ((string)reply.Json!["pnr_reference"]!).Should().Be("XYZ789");
        State.ContractStatus(id).Should().Be("confirmed");
    }

    [Fact]
    public async Task ProcessCfarPayment_GoodToken_ConfirmsContract()
    {
        var id = await Api.ContractAsync("cfar");

        var reply = await Api.PostAsync($"cfar_contracts/{id}/payment", Bodies.CfarPayment());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json!["succeeded"]!.GetValue<bool>().Should().BeTrue();
        reply.Header("Cache-Control").Should().NotBeNull();
        State.ContractStatus(id).Should().Be("confirmed");
    }

    [Fact]
    public async Task ProcessCfarPayment_DeclineToken_AnswersNotSucceededAndKeepsCreated()
    {
        var id = await Api.ContractAsync("cfar");

        var reply = await Api.PostAsync($"cfar_contracts/{id}/payment", Bodies.CfarPayment(AirlineSandbox.DeclinePaymentToken));

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json!["succeeded"]!.GetValue<bool>().Should().BeFalse();
        State.ContractStatus(id).Should().Be("created");
    }

    [Fact]
    public async Task ProcessCfarPayment_AlreadyConfirmed_Answers422()
    {
        var id = await Api.ConfirmedContractAsync("cfar");

        var reply = await Api.PostAsync($"cfar_contracts/{id}/payment", Bodies.CfarPayment());

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("status");
    }

    [Fact]
    public async Task UpdateCfarFormsOfPayment_OpenContract_Answers200()
    {
        var id = await Api.ContractAsync("cfar");

        var reply = await Api.PutAsync($"cfar_contracts/{id}/forms_of_payment", Bodies.FormsOfPayment());

        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        ((string)reply.Json!["id"]!).Should().Be(id);
    }

    [Fact]
    public async Task UpdateCfarFormsOfPayment_CanceledContract_Answers422()
    {
        var id = await Api.ContractAsync("cfar");
        (await Api.PutAsync($"cfar_contracts/{id}/update_status", Bodies.Status("canceled"))).Status.Should().Be(HttpStatusCode.OK);

        var reply = await Api.PutAsync($"cfar_contracts/{id}/forms_of_payment", Bodies.FormsOfPayment());

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task UpdateCfarFormsOfPayment_UnknownDiscriminator_Answers422NamingType()
    {
        var id = await Api.ContractAsync("cfar");
        var body = new JsonObject { ["forms_of_payment"] = new JsonArray(new JsonObject { ["type"] = "cheque", ["amount"] = "1.00" }) };

        var reply = await Api.PutAsync($"cfar_contracts/{id}/forms_of_payment", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.ErrorFields.Should().Equal("forms_of_payment[0].type");
    }

    [Fact]
    public async Task UpdateCfarItinerarySlices_NewSegments_ReplacesSlicesAndCounts()
    {
        var id = await Api.ContractAsync("cfar");
        var body = new JsonObject
        {
            ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("cfar", Bodies.DefaultDeparture.AddDays(1), flight: "AC872")) }),
            ["passenger_counts"] = new JsonArray(new JsonObject { ["count"] = 1, ["type"] = "adult" }),
            ["pnr_reference"] = "NEW123",
        };

        var reply = await Api.PutAsync($"cfar_contracts/{id}/itinerary_slices", body);

        reply.Status.Should().Be(HttpStatusCode.OK, Flows.Describe(reply));
        var itinerary = reply.Json!["itinerary"]!;
        itinerary["slices"]!.AsArray().Should().ContainSingle();
        ((string)itinerary["slices"]![0]!["segments"]![0]!["flight_number"]!).Should().Be("AC872");
        ((int)itinerary["passenger_pricing"]![0]!["passenger_count"]!["count"]!).Should().Be(1);
        ((string)reply.Json!["pnr_reference"]!).Should().Be("NEW123");
    }

    [Fact]
    public async Task UpdateCfarItinerarySlices_UnknownContract_Answers404()
    {
        var body = new JsonObject { ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(Bodies.Segment("cfar", Bodies.DefaultDeparture)) }) };

        (await Api.PutAsync("cfar_contracts/nope/itinerary_slices", body)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("update_status")]
    [InlineData("forms_of_payment")]
    [InlineData("payment")]
    public async Task CfarContractOperation_UnknownId_Answers404(string operation)
    {
        var reply = operation switch
        {
            "update_status" => await Api.PutAsync("cfar_contracts/nope/update_status", Bodies.Status("voided")),
            "forms_of_payment" => await Api.PutAsync("cfar_contracts/nope/forms_of_payment", Bodies.FormsOfPayment()),
            _ => await Api.PostAsync("cfar_contracts/nope/payment", Bodies.CfarPayment()),
        };

        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.Bytes.Should().BeEmpty();
    }
}
