using System.Globalization;
using Bogus;
using Harness.Client.Models;
using Harness.TestData.Reference;

namespace Harness.TestData;

/// <summary>
/// Seeded Bogus fakers for every Airline API request body, valid by construction: real airports and carriers, flight
/// numbers matching the spec's pattern, future local times in order, amounts as strings that add up.
/// The same seed, the same <see cref="Now"/> and the same sequence of calls give the same requests.
/// Not thread-safe: use one instance per thread (or per virtual user).
/// </summary>
public sealed partial class AirlineFakers
{
    private const string PnrAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly Faker _faker;

    /// <param name="seed">Every random choice derives from it.</param>
    /// <param name="now">The reference instant for future dates; default <see cref="DefaultNow"/>.</param>
    public AirlineFakers(int seed, DateTimeOffset? now = null)
    {
        Seed = seed;
        Now = (now ?? DefaultNow()).ToUniversalTime();
        _faker = new Faker("en") { Random = new Randomizer(seed) };
    }

    public int Seed { get; }

    /// <summary>All generated dates are relative to this instant; nothing else reads the clock.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Today's UTC date at 00:00: stable for a whole day, so a seed reproduces a run on the same day.</summary>
    public static DateTimeOffset DefaultNow() => new(DateTime.UtcNow.Date, TimeSpan.Zero);

    /// <summary>A <c>POST /auth</c> body; random credentials unless given.</summary>
    public AuthRequest AuthRequest(string? clientId = null, string? clientSecret = null) => new()
    {
        ClientId = clientId ?? "client-" + _faker.Random.Hexadecimal(12, prefix: string.Empty),
        ClientSecret = clientSecret ?? _faker.Random.AlphaNumeric(32),
    };

    /// <summary>A fresh trip: 1–3 slices of 1–2 segments, 1–6 passengers, prices in the point of sale's currency.</summary>
    public Trip Trip()
    {
        var origin = Pick(ReferenceData.Airports);
        var pointOfSale = origin.Country;
        var currency = ReferenceData.CurrencyByCountry[pointOfSale];
        var language = _faker.PickRandom(ReferenceData.LanguagesByCountry[pointOfSale]);
        var carriers = ReferenceData.Carriers.Where(c => c.Country == origin.Country).ToList();
        var carrier = Pick(carriers.Count > 0 ? carriers : ReferenceData.Carriers);
        var fareClass = _faker.PickRandom<FareClass>();
        var fareBrand = _faker.PickRandom("basic", "standard", "flex", "comfort", "premium");

        var destination = _faker.PickRandom(ReferenceData.Airports.Where(a => a.City != origin.City));
        var shape = _faker.Random.WeightedRandom(new[] { 1, 2, 3 }, new[] { 0.45f, 0.45f, 0.1f });
        var stops = shape switch
        {
            1 => new[] { origin, destination },
            2 => new[] { origin, destination, origin },
            _ => new[] { origin, destination, _faker.PickRandom(ReferenceData.Airports.Where(a => a.City != destination.City && a.City != origin.City)), origin },
        };

        var departure = new LocalDateTime(Now.UtcDateTime.Date
            .AddDays(_faker.Random.Int(3, 180))
            .AddHours(_faker.Random.Int(6, 21))
            .AddMinutes(_faker.Random.Int(0, 11) * 5));
        var slices = new List<IReadOnlyList<TripSegment>>();
        for (var i = 0; i + 1 < stops.Length; i++)
        {
            var slice = BuildSlice(stops[i], stops[i + 1], departure, carrier, fareClass, fareBrand);
            slices.Add(slice);
            departure = new LocalDateTime(slice[^1].Arrival.Value.Date
                .AddDays(_faker.Random.Int(2, 14))
                .AddHours(_faker.Random.Int(6, 21))
                .AddMinutes(_faker.Random.Int(0, 11) * 5));
        }

        var passengers = BuildPassengers(pointOfSale);
        var adultFare = RoundTo(_faker.Random.Decimal(89m, 1400m) / currency.ToUsd * (decimal)shape, currency.Decimals);
        var prices = new Dictionary<PassengerType, decimal>
        {
            [PassengerType.Adult] = adultFare,
            [PassengerType.Child] = RoundTo(adultFare * 0.75m, currency.Decimals),
            [PassengerType.SeatedInfant] = RoundTo(adultFare * 0.5m, currency.Decimals),
            [PassengerType.LapInfant] = RoundTo(adultFare * 0.1m, currency.Decimals),
        };
        var ancillaries = passengers
            .Where(_ => _faker.Random.Bool(0.3f))
            .Select(p => new TripAncillary(
                _faker.PickRandom(AncillaryType.CheckedBag, AncillaryType.Seat, AncillaryType.CabinBag),
                p.Reference,
                RoundTo(_faker.Random.Decimal(15m, 80m) / currency.ToUsd, currency.Decimals)))
            .ToList();

        return new Trip(
            pointOfSale,
            language,
            currency,
            slices,
            passengers,
            prices,
            ancillaries,
            _faker.Random.Replace("?##???##").ToUpperInvariant());
    }

    /// <summary>A six-character PNR like the spec's <c>ABC123</c>.</summary>
    public string PnrReference() => new(Enumerable.Range(0, 6).Select(_ => _faker.PickRandom(PnrAlphabet.ToCharArray())).ToArray());

    /// <summary>Where the spec leaves <c>pnr_reference</c> optional (contract creation, slice updates): a PNR seven times in ten.</summary>
    private string? OptionalPnrReference() => _faker.Random.Bool(0.7f) ? PnrReference() : null;

    /// <summary>A partner-side ext_attributes map (may be empty, as the spec allows).</summary>
    public IReadOnlyDictionary<string, string> ExtAttributes()
    {
        var result = new Dictionary<string, string>();
        if (_faker.Random.Bool(0.6f))
        {
            result["partner_booking_id"] = _faker.Random.AlphaNumeric(10).ToUpperInvariant();
        }

        if (_faker.Random.Bool(0.3f))
        {
            result["channel_code"] = _faker.PickRandom("WEB", "APP", "CALL");
        }

        return result;
    }

    private List<TripSegment> BuildSlice(Airport from, Airport to, LocalDateTime departure, Carrier carrier, FareClass fareClass, string fareBrand)
    {
        var hubs = ReferenceData.Airports.Where(a => a.City != from.City && a.City != to.City).ToList();
        var legs = _faker.Random.Bool(0.3f) ? new[] { from, _faker.PickRandom(hubs), to } : new[] { from, to };
        var segments = new List<TripSegment>();
        for (var i = 0; i + 1 < legs.Length; i++)
        {
            var arrival = departure.AddMinutes(_faker.Random.Int(9, 110) * 5);
            segments.Add(new TripSegment(
                _faker.Random.Guid().ToString(),
                legs[i],
                legs[i + 1],
                departure,
                arrival,
                carrier,
                carrier.Code + _faker.Random.Int(1, 9999).ToString(CultureInfo.InvariantCulture),
                fareClass,
                CabinFor(fareClass),
                fareBrand));
            departure = arrival.AddMinutes(_faker.Random.Int(9, 36) * 5);
        }

        return segments;
    }

    private List<TripPassenger> BuildPassengers(string country)
    {
        var adults = _faker.Random.WeightedRandom(new[] { 1, 2, 3, 4 }, new[] { 0.5f, 0.3f, 0.12f, 0.08f });
        var children = _faker.Random.WeightedRandom(new[] { 0, 1, 2 }, new[] { 0.7f, 0.2f, 0.1f });
        var lapInfants = _faker.Random.Bool(0.1f) ? 1 : 0;
        var seatedInfants = _faker.Random.Bool(0.05f) ? 1 : 0;
        var lastName = _faker.Name.LastName();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var result = new List<TripPassenger>();

        void Add(PassengerType type, int count, int minAge, int maxAge)
        {
            for (var i = 0; i < count; i++)
            {
                var gender = _faker.PickRandom(Gender.Male, Gender.Female);
                var first = _faker.Name.FirstName(gender == Gender.Male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female);
                var birth = today.AddYears(-_faker.Random.Int(minAge, maxAge)).AddDays(-_faker.Random.Int(1, 360));
                result.Add(new TripPassenger(
                    (result.Count + 1).ToString(CultureInfo.InvariantCulture),
                    type,
                    first,
                    i == 0 || _faker.Random.Bool(0.7f) ? lastName : _faker.Name.LastName(),
                    gender,
                    birth,
                    country,
                    _faker.Random.Replace("?########").ToUpperInvariant()));
            }
        }

        Add(PassengerType.Adult, adults, 18, 80);
        Add(PassengerType.Child, children, 2, 11);
        Add(PassengerType.SeatedInfant, seatedInfants, 0, 1);
        Add(PassengerType.LapInfant, lapInfants, 0, 1);
        return result;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_faker.Random.Int(0, items.Count - 1)];

    private static Cabin CabinFor(FareClass fareClass) => fareClass switch
    {
        FareClass.BasicEconomy or FareClass.Economy => Cabin.Economy,
        FareClass.PremiumEconomy => Cabin.PremiumEconomy,
        FareClass.Business => Cabin.Business,
        _ => Cabin.First,
    };

    private static decimal RoundTo(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
