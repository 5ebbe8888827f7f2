using System.Globalization;

namespace Harness.Sandbox.Tests.Support;

/// <summary>Request bodies written from the spec by hand (fresh objects every call, so tests can mutate them).</summary>
public static class Bodies
{
    public static string Local(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static DateTime DefaultDeparture => DateTime.UtcNow.Date.AddDays(40).AddHours(10);

    public static JsonObject Segment(string product, DateTime departure, string origin = "YUL", string destination = "CDG", string flight = "AC870")
    {
        var segment = new JsonObject
        {
            ["origin_airport"] = origin,
            ["destination_airport"] = destination,
            ["departure_date_time"] = Local(departure),
            ["arrival_date_time"] = Local(departure.AddHours(7)),
            ["flight_number"] = flight,
            ["validating_carrier_code"] = "AC",
        };
        segment[product == "cfar" ? "fare_class" : "cabin"] = "economy";
        return segment;
    }

    public static JsonObject Itinerary(string product, DateTime? departure = null, int adults = 2, string price = "300.00", string currency = "CAD")
    {
        var when = departure ?? DefaultDeparture;
        return new JsonObject
        {
            ["currency"] = currency,
            ["passenger_pricing"] = new JsonArray(new JsonObject
            {
                ["passenger_count"] = new JsonObject { ["count"] = adults, ["type"] = "adult" },
                ["individual_price"] = price,
            }),
            ["slices"] = new JsonArray(
                new JsonObject { ["segments"] = new JsonArray(Segment(product, when)) },
                new JsonObject { ["segments"] = new JsonArray(Segment(product, when.AddDays(7), "CDG", "YUL", "AC871")) }),
        };
    }

    /// <summary>
    /// The itinerary of the offer states, written here independently of the sandbox's StandardItinerary: YUL→CDG on
    /// AC870, one adult at 500.00 CAD, 30 days out at 18:00.
    /// </summary>
    public static JsonObject StandardItinerary(string product)
    {
        var itinerary = Itinerary(product, DateTime.UtcNow.Date.AddDays(30).AddHours(18), adults: 1, price: "500.00");
        itinerary["slices"]!.AsArray().RemoveAt(1);
        itinerary["total_price"] = "500.00";
        return itinerary;
    }

    public static JsonObject OfferRequest(string product, JsonObject? itinerary = null) => new()
    {
        ["itinerary"] = new JsonArray(itinerary ?? Itinerary(product)),
        ["request_type"] = "fare",
        ["ext_attributes"] = new JsonObject { ["channel"] = "tests" },
    };

    public static JsonObject ContractRequest(string offerId, JsonObject itinerary) => new()
    {
        ["offer_ids"] = new JsonArray(offerId),
        ["itinerary"] = itinerary.DeepClone(),
        ["ext_attributes"] = new JsonObject(),
    };

    public static JsonObject Status(string status, string? pnr = "PNR123")
    {
        var body = new JsonObject { ["status"] = status };
        if (pnr is not null)
        {
            body["pnr_reference"] = pnr;
        }

        return body;
    }

    public static JsonObject CfarPayment(string token = "tok_visa") => new()
    {
        ["payment_method_token"] = token,
        ["first_name"] = "Ada",
        ["last_name"] = "Lovelace",
        ["pnr_reference"] = "PNR123",
        ["email_address"] = "ada@example.com",
    };

    public static JsonObject DgPayment(string token = "tok_visa") => new()
    {
        ["payment_token"] = token,
        ["email_address"] = "ada@example.com",
        ["phone_number"] = "+15145550100",
        ["pnr_reference"] = "PNR123",
    };

    public static JsonObject FormsOfPayment() => new()
    {
        ["forms_of_payment"] = new JsonArray(
            new JsonObject { ["type"] = "payment_card", ["amount"] = "600.00", ["currency"] = "CAD", ["last_four_digits"] = "4242" },
            new JsonObject { ["type"] = "points", ["amount"] = "1000" }),
    };

    public static JsonObject CfarExercise(string contractId, DateTime? departure = null) => new()
    {
        ["contract_id"] = contractId,
        ["pnr_reference"] = "PNR123",
        ["ext_attributes"] = new JsonObject(),
        ["itinerary"] = new JsonObject
        {
            ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(Segment("cfar", departure ?? DefaultDeparture)) }),
        },
    };

    public static JsonObject DgExercise(string contractId, int passengers = 2)
    {
        var segment = Segment("dg", DefaultDeparture);
        segment["estimated_departure_date_time"] = Local(DefaultDeparture.AddHours(5));
        segment["estimated_arrival_date_time"] = Local(DefaultDeparture.AddHours(12));
        segment["flight_status"] = "confirmed";
        return new JsonObject
        {
            ["contract_id"] = contractId,
            ["pnr_reference"] = "PNR123",
            ["itinerary"] = new JsonObject
            {
                ["passenger_count"] = new JsonArray(new JsonObject { ["count"] = passengers, ["passenger_type"] = "adult" }),
                ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(segment), ["irop"] = true }),
            },
        };
    }

    public static JsonObject Session(string? id = null)
    {
        var body = new JsonObject { ["flow_type"] = "purchase", ["language"] = "en", ["point_of_sale"] = "CA" };
        if (id is not null)
        {
            body["session_id"] = id;
        }

        return body;
    }
}
