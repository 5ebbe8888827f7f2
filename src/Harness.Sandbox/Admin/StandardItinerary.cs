using System.Globalization;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Admin;

/// <summary>The itinerary provider states price: the standard trip (<see cref="StandardTrip"/>) departing after the sandbox's "now".</summary>
internal static class StandardItinerary
{
    public static JsonObject Build(string product, DateTimeOffset now)
    {
        var departure = StandardTrip.DepartureAfter(now);
        var segment = new JsonObject
        {
            ["origin_airport"] = StandardTrip.Origin,
            ["destination_airport"] = StandardTrip.Destination,
            ["departure_date_time"] = Local(departure),
            ["arrival_date_time"] = Local(departure + StandardTrip.FlightTime),
            ["flight_number"] = StandardTrip.FlightNumber,
            ["validating_carrier_code"] = StandardTrip.Carrier,
        };
        segment[product == Products.Cfar ? "fare_class" : "cabin"] = "economy";
        return new JsonObject
        {
            ["currency"] = StandardTrip.Currency,
            ["passenger_pricing"] = new JsonArray(new JsonObject
            {
                ["passenger_count"] = new JsonObject { ["count"] = StandardTrip.Adults, ["type"] = "adult" },
                ["individual_price"] = StandardTrip.FareAmount,
            }),
            ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(segment) }),
            ["total_price"] = StandardTrip.FareAmount,
        };
    }

    public static string Local(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
