namespace Harness.TestData.Reference;

/// <summary>A real IATA airport and the country it is in (ISO 3166-1 alpha-2).</summary>
public sealed record Airport(string Code, string City, string Country);

/// <summary>A real IATA airline designator and its home country.</summary>
public sealed record Carrier(string Code, string Name, string Country);

/// <summary>An ISO 4217 currency, its minor-unit digits and a rough rate to USD (for the external-offer request).</summary>
public sealed record CurrencyInfo(string Code, int Decimals, decimal ToUsd);

/// <summary>Reference data the fakers draw from: real airports, carriers, currencies and languages.</summary>
public static class ReferenceData
{
    public static IReadOnlyList<Airport> Airports { get; } =
    [
        new("JFK", "New York", "US"), new("LGA", "New York", "US"), new("BOS", "Boston", "US"), new("LAX", "Los Angeles", "US"),
        new("SFO", "San Francisco", "US"), new("ORD", "Chicago", "US"), new("ATL", "Atlanta", "US"), new("MIA", "Miami", "US"),
        new("SEA", "Seattle", "US"), new("DFW", "Dallas", "US"), new("YUL", "Montreal", "CA"), new("YYZ", "Toronto", "CA"),
        new("YVR", "Vancouver", "CA"), new("YQB", "Quebec City", "CA"), new("LHR", "London", "GB"), new("CDG", "Paris", "FR"),
        new("FRA", "Frankfurt", "DE"), new("AMS", "Amsterdam", "NL"), new("MAD", "Madrid", "ES"), new("BCN", "Barcelona", "ES"),
        new("FCO", "Rome", "IT"), new("MEX", "Mexico City", "MX"), new("CUN", "Cancun", "MX"), new("GRU", "Sao Paulo", "BR"),
        new("BOG", "Bogota", "CO"), new("NRT", "Tokyo", "JP"), new("SYD", "Sydney", "AU"),
    ];

    public static IReadOnlyList<Carrier> Carriers { get; } =
    [
        new("AA", "American Airlines", "US"), new("DL", "Delta Air Lines", "US"), new("UA", "United Airlines", "US"),
        new("B6", "JetBlue", "US"), new("AS", "Alaska Airlines", "US"), new("AC", "Air Canada", "CA"), new("WS", "WestJet", "CA"),
        new("TS", "Air Transat", "CA"), new("BA", "British Airways", "GB"), new("AF", "Air France", "FR"), new("LH", "Lufthansa", "DE"),
        new("KL", "KLM", "NL"), new("IB", "Iberia", "ES"), new("AZ", "ITA Airways", "IT"), new("AM", "Aeromexico", "MX"),
        new("Y4", "Volaris", "MX"), new("LA", "LATAM", "BR"), new("AV", "Avianca", "CO"), new("NH", "ANA", "JP"),
        new("QF", "Qantas", "AU"),
    ];

    public static IReadOnlyDictionary<string, CurrencyInfo> CurrencyByCountry { get; } = new Dictionary<string, CurrencyInfo>
    {
        ["US"] = new("USD", 2, 1.0m), ["CA"] = new("CAD", 2, 0.73m), ["GB"] = new("GBP", 2, 1.27m), ["FR"] = new("EUR", 2, 1.08m),
        ["DE"] = new("EUR", 2, 1.08m), ["NL"] = new("EUR", 2, 1.08m), ["ES"] = new("EUR", 2, 1.08m), ["IT"] = new("EUR", 2, 1.08m),
        ["MX"] = new("MXN", 2, 0.058m), ["BR"] = new("BRL", 2, 0.2m), ["CO"] = new("COP", 2, 0.00025m), ["JP"] = new("JPY", 0, 0.0067m),
        ["AU"] = new("AUD", 2, 0.66m),
    };

    /// <summary>ISO 639-1 languages spoken at each point of sale.</summary>
    public static IReadOnlyDictionary<string, string[]> LanguagesByCountry { get; } = new Dictionary<string, string[]>
    {
        ["US"] = ["en", "es"], ["CA"] = ["en", "fr"], ["GB"] = ["en"], ["FR"] = ["fr"], ["DE"] = ["de"], ["NL"] = ["nl", "en"],
        ["ES"] = ["es"], ["IT"] = ["it"], ["MX"] = ["es"], ["BR"] = ["pt"], ["CO"] = ["es"], ["JP"] = ["ja"], ["AU"] = ["en"],
    };
}
