using System.Globalization;

namespace Harness.Contracts.Support;

/// <summary>
/// The response bodies the consumer relies on, as matchers: only the spec's required properties (a provider may add
/// more), amounts as decimal strings, date-times as RFC 3339, segment times as local date-times, enums as the spec's
/// alternatives. Examples are the standard trip's values, so the mock server answers something realistic.
/// </summary>
public static class Shapes
{
    /// <summary>Spec amounts are decimal strings ("500.00").</summary>
    public const string AmountPattern = @"^\d+(\.\d+)?$";

    /// <summary>Spec: segment times are local, "2022-04-02T18:34:30", without an offset.</summary>
    public const string LocalDateTimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$";

    /// <summary>The spec's flight_number pattern, anchored.</summary>
    public const string FlightNumberPattern = "^([A-Z][0-9]{2,5}|[0-9]{1,4}|[0-9][A-Z][0-9]{1,4}|[A-Z]{2}[0-9]{1,4})$";

    public const string UuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>
    /// Spec: <c>Expires</c> is a required string with no format. RFC 9110 §5.6.7: a sender MUST generate HTTP dates as
    /// IMF-fixdate, "Tue, 01 Jan 2030 00:00:00 GMT" (what the sandbox sends); the obsolete forms are for recipients only.
    /// </summary>
    public const string HttpDatePattern =
        @"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$";

    /// <summary>
    /// Spec: <c>Cache-Control</c> is a required string with no value given, so any list of RFC 9111 §5.2 directives
    /// (<c>token [ "=" ( token / quoted-string ) ]</c>, comma-separated): "no-store", "private, max-age=60".
    /// </summary>
    public const string CacheControlPattern = "^" + CacheDirective + @"(\s*,\s*" + CacheDirective + ")*$";

    public const string CacheControlExample = "no-store";

    private const string CacheToken = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private const string CacheDirective = CacheToken + "(=(" + CacheToken + "|\"[^\"]*\"))?";

    /// <summary>
    /// Spec: both receipts declare <c>Content-Disposition</c> (required string, no value given): an RFC 6266 disposition
    /// type and its parameters, e.g. <c>attachment; filename="receipt.pdf"</c>.
    /// </summary>
    public const string ContentDispositionPattern = "^(inline|attachment)(\\s*;\\s*" + CacheToken + "\\*?=(\"[^\"]*\"|[^;\\s]+))*$";

    public const string ContentDispositionExample = "attachment; filename=\"receipt.pdf\"";

    /// <summary>The <c>Expires</c> example: the pacts' "now", when a never-cacheable answer expires.</summary>
    public static readonly string ExpiresExample = StandardTrip.Now.ToString("R", CultureInfo.InvariantCulture);

    private static readonly string[] RequestTypes = ["post_booking", "reprice", "ancillary", "bundle", "fare"];
    private static readonly string[] FareClasses = ["basic_economy", "economy", "premium_economy", "business", "first"];
    private static readonly string[] Cabins = ["economy", "premium_economy", "business", "first"];
    private static readonly string[] PassengerTypes = ["adult", "child", "seated_infant", "lap_infant"];

    public static Matcher Amount(string example) => Match.Regex(example, AmountPattern);

    public static Matcher Id(string example) => Match.Type(example);

    public static Matcher Timestamp(string example = "2030-01-01T00:00:00Z") => Match.Rfc3339(example);

    public static Matcher OneOf(string example, params string[] values) => Match.Regex(example, "^(" + string.Join('|', values) + ")$");

    /// <summary>A free-form object (ext_attributes, experiments, contents): any keys, including none.</summary>
    public static Matcher AnyObject() => Match.Type(new Dictionary<string, string>());

    public static Matcher Local(DateTime example) =>
        Match.Regex(example.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), LocalDateTimePattern);

    /// <summary>
    /// Spec: every 2xx declares <c>Expires</c> and <c>Cache-Control</c> (required) except postAuth's 201 and
    /// getCustomerDg_exercisesIdSession's 200; a consumer may cache by them, so they are part of the contract.
    /// </summary>
    public static IResponseBuilderV4 WithCacheHeaders(this IResponseBuilderV4 response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response
            .WithHeader("Expires", Match.Regex(ExpiresExample, HttpDatePattern))
            .WithHeader("Cache-Control", Match.Regex(CacheControlExample, CacheControlPattern));
    }

    /// <summary>Spec: the receipts' required <c>Content-Disposition</c> (<see cref="ContentDispositionPattern"/>).</summary>
    public static IResponseBuilderV4 WithContentDisposition(this IResponseBuilderV4 response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.WithHeader("Content-Disposition", Match.Regex(ContentDispositionExample, ContentDispositionPattern));
    }

    /// <summary>
    /// Spec: <c>HTS-Session-ID</c> (required string, uuid example, no format) on the 201 of postCfar_offers,
    /// postCfar_offersExternal, postDg_offers and postDg_contract_exercises: the session the partner continues in.
    /// </summary>
    public static IResponseBuilderV4 WithHtsSessionId(this IResponseBuilderV4 response, string example)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.WithHeader(AirlineApiClient.HtsSessionIdHeader, Match.Type(example));
    }

    /// <summary>The spec's error body (400 bad_request, 422 unprocessable_entity): errors[{message, code}].</summary>
    public static object Errors(string code, string message) => new
    {
        Errors = Match.MinType(new { Message = Match.Type(message), Code = Match.Type(code) }, 1),
    };

    public static object CfarOffer(string id = "cfar-offer-1") => new
    {
        Id = Id(id),
        Premium = Amount("25.00"),
        Coverage = Amount("400.00"),
        CoveragePercentage = Amount("80.00"),
        Currency = Currency(),
        TaxesTotal = Amount("0.00"),
        RequestType = OneOf("fare", RequestTypes),
        ContractExpiryDateTime = Timestamp("2030-01-01T01:00:00Z"),
        CreatedDateTime = Timestamp(),
        Itinerary = Itinerary(CfarSegment()),
        Contents = AnyObject(),
        ExtAttributes = AnyObject(),
        Experiments = AnyObject(),
    };

    /// <param name="status">Equality: the status is what the partner acts on.</param>
    public static object CfarContract(string id, string status) => new
    {
        Id = Id(id),
        Reference = Match.Type("HTS-CFAR-0001"),
        Offers = Match.MinType(CfarOffer(), 1),
        Itinerary = Itinerary(CfarSegment()),
        CoveragePercentage = Amount("80.00"),
        Coverage = Amount("400.00"),
        Premium = Amount("25.00"),
        Currency = Currency(),
        TaxesTotal = Amount("0.00"),
        CreatedDateTime = Timestamp(),
        ExpiryDateTime = Timestamp("2030-01-31T15:00:00Z"),
        Status = Match.Equality(status),
        ExtAttributes = AnyObject(),
    };

    public static object CfarExercise(string id, string contractId) => new
    {
        Id = Id(id),
        ContractId = Id(contractId),
        ExerciseInitiatedDateTime = Timestamp(),
        CashRefundAllowance = Amount("400.00"),
        ExtAttributes = AnyObject(),
        RedirectionToken = Match.Regex("5f0c2a4e-8d7b-4c1e-9a3f-2b6d8e1f4c7a", UuidPattern),
    };

    /// <summary>An item of the postDg_offers answer (create_dg_offer_item_response): a dg_offer with premium_per_passenger.</summary>
    public static object DgOfferItem(string id = "dg-offer-1") => DgOffer(id, withPremiumPerPassenger: true);

    /// <summary>
    /// A dg_offer, as a DG contract lists it; <paramref name="withPremiumPerPassenger"/> adds create_dg_offer_item_response's
    /// one extra required property (absent otherwise: the serializer omits nulls).
    /// </summary>
    public static object DgOffer(string id = "dg-offer-1", bool withPremiumPerPassenger = false) => new
    {
        Id = Id(id),
        Premium = Amount("18.00"),
        PremiumPerPassenger = withPremiumPerPassenger ? Amount("18.00") : null,
        Coverage = Amount("500.00"),
        CoveragePercentage = Amount("100.00"),
        ServiceCap = Amount("150.00"),
        Currency = Currency(),
        TaxesTotal = Amount("0.00"),
        RequestType = OneOf("fare", RequestTypes),
        MaxHoursBeforeDeparture = Match.Integer(24),
        MinMinutesDelay = Match.Integer(180),
        ContractExpiryDateTime = Timestamp("2030-01-01T01:00:00Z"),
        CreatedDateTime = Timestamp(),
        Itinerary = Itinerary(DgSegment()),
        ExtAttributes = AnyObject(),
        Experiments = AnyObject(),
        Contents = AnyObject(),
    };

    public static object DgContract(string id, string status) => new
    {
        Id = Id(id),
        Reference = Match.Type("HTS-DG-0001"),
        Status = Match.Equality(status),
        Offers = Match.MinType(DgOffer(), 1),
        Itinerary = Itinerary(DgSegment()),
        CoveragePercentage = Amount("100.00"),
        Coverage = Amount("500.00"),
        Premium = Amount("18.00"),
        ServiceCap = Amount("150.00"),
        Currency = Currency(),
        TaxesTotal = Amount("0.00"),
        MaxHoursBeforeDeparture = Match.Integer(24),
        MinMinutesDelay = Match.Integer(180),
        CreatedDateTime = Timestamp(),
        ExpiryDateTime = Timestamp("2030-01-31T18:00:00Z"),
        ExtAttributes = AnyObject(),
    };

    private static Matcher Currency() => Match.Regex(StandardTrip.Currency, "^[A-Z]{3}$");

    private static object Itinerary(object segment) => new
    {
        PassengerPricing = Match.MinType(
            new
            {
                PassengerCount = new { Count = Match.Integer(StandardTrip.Adults), Type = OneOf("adult", PassengerTypes) },
                IndividualPrice = Amount(StandardTrip.FareAmount),
            },
            1),
        Currency = Currency(),
        Slices = Match.MinType(new { Segments = Match.MinType(segment, 1) }, 1),
    };

    private static Dictionary<string, object> Segment() => new()
    {
        ["origin_airport"] = Match.Regex(StandardTrip.Origin, "^[A-Z]{3}$"),
        ["destination_airport"] = Match.Regex(StandardTrip.Destination, "^[A-Z]{3}$"),
        ["departure_date_time"] = Local(StandardTrip.Departure),
        ["arrival_date_time"] = Local(StandardTrip.Departure + StandardTrip.FlightTime),
        ["flight_number"] = Match.Regex(StandardTrip.FlightNumber, FlightNumberPattern),
        ["validating_carrier_code"] = Match.Regex(StandardTrip.Carrier, "^[A-Z0-9]{2}$"),
    };

    private static Dictionary<string, object> CfarSegment()
    {
        var segment = Segment();
        segment["fare_class"] = OneOf("economy", FareClasses);
        return segment;
    }

    private static Dictionary<string, object> DgSegment()
    {
        var segment = Segment();
        segment["cabin"] = OneOf("economy", Cabins);
        return segment;
    }
}
