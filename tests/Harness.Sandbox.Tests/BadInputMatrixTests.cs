namespace Harness.Sandbox.Tests;

/// <summary>Every operation with a body, fed malformed and invalid input: a 4xx with an error body and no state change.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BadInputMatrixTests(SandboxFixture fixture) : SandboxTest(fixture)
{
    public static TheoryData<string, string> BodyOperations => new()
    {
        { "POST", "events" },
        { "POST", "sessions" },
        { "POST", "cfar_offers" },
        { "POST", "cfar_offers/external" },
        { "POST", "cfar_contracts" },
        { "PUT", "cfar_contracts/{cfar}/update_status" },
        { "PUT", "cfar_contracts/{cfar}/forms_of_payment" },
        { "POST", "cfar_contracts/{cfar}/payment" },
        { "PUT", "cfar_contracts/{cfar}/itinerary_slices" },
        { "POST", "cfar_contract_exercises" },
        { "PUT", "cfar_contract_exercises/{exercise}/mark_completed" },
        { "POST", "dg_offers" },
        { "POST", "dg_contracts" },
        { "POST", "dg_contracts/{dg}/payment" },
        { "PUT", "dg_contracts/{dg}/update_status" },
        { "PUT", "dg_contracts/{dg}/itinerary_slices" },
        { "POST", "dg_contract_exercises" },
        { "POST", "auth" },
    };

    public static TheoryData<string, string, string, int> Matrix()
    {
        // Bodies that are bad for every operation; 400 for syntax and wrong types, 422 for a missing field.
        string[] badBodies = ["", "{", "not json", "[1,", "{\"a\":}", "null", "42", "\"text\"", "true"];
        var data = new TheoryData<string, string, string, int>();
        foreach (var row in BodyOperations)
        {
            var (method, path) = ((string)row[0], (string)row[1]);
            foreach (var body in badBodies)
            {
                data.Add(method, path, body, 400);
            }

            // A bare array is the right type only for the DG itinerary slices body.
            data.Add(method, path, "[]", path.StartsWith("dg_contracts/{dg}/itinerary_slices", StringComparison.Ordinal) ? 422 : 400);
            // An empty object misses required fields, except where the spec requires none (mark_completed) or wants an array.
            if (!path.EndsWith("mark_completed", StringComparison.Ordinal) && !path.StartsWith("dg_contracts/{dg}/itinerary_slices", StringComparison.Ordinal))
            {
                data.Add(method, path, "{}", 422);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Operation_BadBody_Answers4xxWithErrorBodyAndChangesNothing(string method, string path, string body, int expected)
    {
        // From an empty sandbox: a previous case's states would otherwise be dropped by this request, changing the counts.
        await Api.TeardownAsync();
        var resolved = await ResolveAsync(path);
        var session = await SessionAsync(path);
        var before = State.Counts();
        var contracts = Snapshot();

        var reply = await Api.SendRawAsync(new HttpMethod(method), resolved, body, Api.Token, session);

        ((int)reply.Status).Should().Be(expected, Flows.Describe(reply));
        var errors = reply.Json!["errors"]!.AsArray();
        errors.Should().NotBeEmpty();
        errors.Should().AllSatisfy(e =>
        {
            ((string)e!["message"]!).Should().NotBeNullOrWhiteSpace();
            ((string)e["messages"]!["field"]!).Should().NotBeNullOrWhiteSpace();
        });
        State.Counts().Should().Be(before);
        Snapshot().Should().Equal(contracts);
    }

    public static TheoryData<string, string, string, string> FieldCases => new()
    {
        // operation path, JSON pointer-ish edit, value, expected field in the error
        { "cfar_offers", "itinerary[0].slices[0].segments[0].origin_airport", "\"yul\"", "itinerary[0].slices[0].segments[0].origin_airport" },
        { "cfar_offers", "itinerary[0].slices[0].segments[0].flight_number", "\"!!\"", "itinerary[0].slices[0].segments[0].flight_number" },
        { "cfar_offers", "itinerary[0].slices[0].segments[0].fare_class", "\"steerage\"", "itinerary[0].slices[0].segments[0].fare_class" },
        { "cfar_offers", "itinerary[0].passenger_pricing[0].passenger_count.count", "0", "itinerary[0].passenger_pricing[0].passenger_count.count" },
        { "cfar_offers", "itinerary[0].passenger_pricing[0].individual_price", "\"-1.00\"", "itinerary[0].passenger_pricing[0].individual_price" },
        { "cfar_offers", "itinerary[0].passenger_pricing[0].individual_price", "\"cheap\"", "itinerary[0].passenger_pricing[0].individual_price" },
        { "cfar_offers", "itinerary[0].slices", "[]", "itinerary[0].slices" },
        { "cfar_offers", "request_type", "\"later\"", "request_type" },
        { "cfar_offers", "booking_date_time", "\"yesterday\"", "booking_date_time" },
        { "dg_offers", "itinerary[0].slices[0].segments[0].cabin", "\"basic_economy\"", "itinerary[0].slices[0].segments[0].cabin" },
        { "dg_offers", "itinerary[0].slices[0].segments[0].validating_carrier_code", "\"a\"", "itinerary[0].slices[0].segments[0].validating_carrier_code" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task PostOffers_InvalidField_Answers422NamingThatField(string path, string field, string value, string expectedField)
    {
        var product = path.StartsWith("cfar", StringComparison.Ordinal) ? "cfar" : "dg";
        var body = Bodies.OfferRequest(product);
        Set(body, field, JsonNode.Parse(value));
        var before = State.Counts();

        var reply = await Api.PostAsync(path, body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, Flows.Describe(reply));
        reply.ErrorFields.Should().Contain(expectedField);
        State.Counts().Should().Be(before);
    }

    /// <summary>
    /// One bad string deep inside the body, answered naming exactly that field: a wrong JSON type is a 400, a value of the
    /// right type the rules refuse (a date-time that does not parse) is a 422.
    /// </summary>
    [Theory]
    [InlineData("itinerary[0].passenger_pricing[0].passenger_count.count", "two", HttpStatusCode.BadRequest)]
    [InlineData("itinerary[0].slices[0].segments[0].departure_date_time", "next tuesday", HttpStatusCode.UnprocessableEntity)]
    public async Task PostOffers_BadValueDeepInside_AnswersNamingThatField(string path, string value, HttpStatusCode expected)
    {
        var body = Bodies.OfferRequest("cfar");
        Set(body, path, JsonValue.Create(value));

        var reply = await Api.PostAsync("cfar_offers", body);

        reply.Status.Should().Be(expected);
        reply.ErrorFields.Should().Equal(path);
    }

    [Fact]
    public async Task PostOffers_NullForRequiredString_Answers400()
    {
        var body = Bodies.OfferRequest("cfar");
        body["request_type"] = null;

        var reply = await Api.PostAsync("cfar_offers", body);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.ErrorFields.Should().Equal("request_type");
    }

    [Fact]
    public async Task PostOffers_DeeplyNestedJson_Answers400NotServerError()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        var reply = await Api.SendRawAsync(HttpMethod.Post, "cfar_offers", deep, Api.Token);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("itinerary[0].passenger_pricing[0].individual_price", "\"79228162514264337593543950335\"", "itinerary[0].passenger_pricing")]
    [InlineData("itinerary[0].total_price", "\"79228162514264337593543950335\"", "itinerary[0].total_price")]
    [InlineData("itinerary[0].slices[0].segments[0].arrival_date_time", "\"9999-12-31T23:59:59\"", "itinerary[0].slices[0].segments[0].arrival_date_time")]
    [InlineData("itinerary[0].slices[0].segments[0].departure_date_time", "\"0001-01-01T00:00:00\"", "itinerary[0].slices[0].segments[0].departure_date_time")]
    public async Task PostDgOffers_ExtremeValues_Answers422NotServerError(string field, string value, string expectedField)
    {
        var body = Bodies.OfferRequest("dg");
        Set(body, field, JsonNode.Parse(value));

        var reply = await Api.PostAsync("dg_offers", body);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity, Flows.Describe(reply));
        reply.ErrorFields.Should().Equal(expectedField);
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Step(node, part)!;
        }

        var last = parts[^1];
        if (last.Contains('[', StringComparison.Ordinal))
        {
            throw new ArgumentException("The last path part must be a property.", nameof(path));
        }

        node[last] = value;
    }

    private static JsonNode? Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[part];
        }

        var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[part[..bracket]]![index];
    }

    private List<string> Snapshot() => new[] { "m-cfar", "m-dg" }.Select(id => State.Contract(id)?.ToJsonString() ?? "none").ToList();

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{cfar}", StringComparison.Ordinal))
        {
            await Api.GivenAsync(ProviderStates.CfarContractExists, new JsonObject { ["contract_id"] = "m-cfar" });
        }

        if (path.Contains("{dg}", StringComparison.Ordinal))
        {
            await Api.GivenAsync(ProviderStates.DgContractExists, new JsonObject { ["contract_id"] = "m-dg" });
        }

        if (path.Contains("{exercise}", StringComparison.Ordinal))
        {
            await Api.GivenAsync(ProviderStates.CfarExerciseExists, new JsonObject { ["exercise_id"] = "m-ex" });
        }

        return path.Replace("{cfar}", "m-cfar", StringComparison.Ordinal).Replace("{dg}", "m-dg", StringComparison.Ordinal).Replace("{exercise}", "m-ex", StringComparison.Ordinal);
    }

    private async Task<string?> SessionAsync(string path) => path == "events" ? (await Api.GivenAsync(ProviderStates.SessionExists))["session_id"]!.GetValue<string>() : null;
}
