using System.Globalization;
using System.Text.Json.Nodes;

namespace Harness.Sandbox.Admin;

/// <summary>The itinerary provider states price: YUL→CDG on AC870, one adult at 500.00 CAD, 30 days from now.</summary>
internal static class StandardItinerary
{
    public static JsonObject Build(string product, DateTimeOffset now)
    {
        var departure = now.UtcDateTime.Date.AddDays(30).AddHours(18);
        var segment = new JsonObject
        {
            ["origin_airport"] = "YUL",
            ["destination_airport"] = "CDG",
            ["departure_date_time"] = Local(departure),
            ["arrival_date_time"] = Local(departure.AddHours(7)),
            ["flight_number"] = "AC870",
            ["validating_carrier_code"] = "AC",
        };
        segment[product == Products.Cfar ? "fare_class" : "cabin"] = "economy";
        return new JsonObject
        {
            ["currency"] = "CAD",
            ["passenger_pricing"] = new JsonArray(new JsonObject
            {
                ["passenger_count"] = new JsonObject { ["count"] = 1, ["type"] = "adult" },
                ["individual_price"] = "500.00",
            }),
            ["slices"] = new JsonArray(new JsonObject { ["segments"] = new JsonArray(segment) }),
            ["total_price"] = "500.00",
        };
    }

    public static string Local(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
