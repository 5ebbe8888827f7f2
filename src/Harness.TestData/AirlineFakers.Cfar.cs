using System.Globalization;
using Harness.Client.Models;

namespace Harness.TestData;

public sealed partial class AirlineFakers
{
    /// <summary>A <c>POST /cfar_offers</c> body for one trip. <c>booking_date_time</c> only with <c>post_booking</c>, as the spec says.</summary>
    public CreateCfarOfferRequest CreateCfarOfferRequest(Trip? trip = null, RequestType? requestType = null)
    {
        trip ??= Trip();
        var type = requestType ?? _faker.PickRandom<RequestType>();
        return new CreateCfarOfferRequest
        {
            Itinerary = [CfarOfferItinerary(trip)],
            RequestType = type,
            BookingDateTime = type == RequestType.PostBooking ? Now.AddMinutes(-_faker.Random.Int(5, 60 * 24 * 30)) : null,
            ExtAttributes = ExtAttributes(),
            Session = _faker.Random.Bool(0.4f) ? CreateAirlineCfarSessionRequest(trip) : null,
        };
    }

    /// <summary>
    /// A <c>POST /cfar_offers/external</c> body: percentages on the spec's 0–1 scale ("0.05", "0.8"),
    /// totals derived from the trip's price.
    /// </summary>
    public CreateExternalCfarOfferRequest CreateExternalCfarOfferRequest(Trip? trip = null)
    {
        trip ??= Trip();
        var premiumPercentage = _faker.Random.Int(3, 15) / 100m;
        var payoutPercentage = _faker.PickRandom(0.5m, 0.7m, 0.8m, 1.0m);
        var premium = RoundTo(trip.TotalPrice * premiumPercentage, trip.Currency.Decimals);
        return new CreateExternalCfarOfferRequest
        {
            ExternalId = "external-offer-" + _faker.Random.AlphaNumeric(10),
            CountryCode = trip.PointOfSale,
            Currency = trip.Currency.Code,
            ToUsdExchangeRate = trip.Currency.ToUsd.ToString("0.0#####", CultureInfo.InvariantCulture),
            PremiumTotalAmount = trip.Format(premium),
            PremiumPercentage = AirlineAmount.Format(premiumPercentage),
            PayoutTotalAmount = trip.Format(RoundTo(trip.TotalPrice * payoutPercentage, trip.Currency.Decimals)),
            PayoutPercentage = AirlineAmount.Format(payoutPercentage),
            TaxesTotal = trip.Format(RoundTo(premium * 0.1m, trip.Currency.Decimals)),
            ContractExpiryDateTime = FirstDepartureUtc(trip),
            BookingDateTime = _faker.Random.Bool(0.7f) ? Now.AddMinutes(-_faker.Random.Int(5, 60 * 24 * 30)) : null,
            Itinerary = CfarOfferItinerary(trip),
            MinMinutesDelay = _faker.PickRandom(60, 120, 180),
            Session = _faker.Random.Bool(0.3f) ? CreateAirlineCfarSessionRequest(trip) : null,
        };
    }

    /// <summary>A <c>POST /cfar_contracts</c> body from an offer the API returned: its id, itinerary and ext_attributes.</summary>
    public CreateCfarContractRequest CreateCfarContractRequest(CfarOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new CreateCfarContractRequest
        {
            OfferIds = [offer.Id],
            Itinerary = offer.Itinerary,
            ExtAttributes = offer.ExtAttributes,
            PnrReference = OptionalPnrReference(),
        };
    }

    /// <summary>A <c>POST /cfar_contracts</c> body for offers created from <paramref name="trip"/>.</summary>
    public CreateCfarContractRequest CreateCfarContractRequest(IReadOnlyList<string> offerIds, Trip trip) => new()
    {
        OfferIds = offerIds,
        Itinerary = CfarItinerary(trip),
        ExtAttributes = ExtAttributes(),
        PnrReference = OptionalPnrReference(),
    };

    /// <summary>
    /// A <c>PUT /cfar_contracts/{id}/update_status</c> body. Spec prose: <c>pnr_reference</c> is "Mandatory only if new
    /// status is confirmed"; it is always set then, with forms of payment adding up to the trip's total.
    /// </summary>
    public UpdateCfarContractRequest UpdateCfarContractRequest(CfarStatus status = CfarStatus.Confirmed, Trip? trip = null)
    {
        trip ??= Trip();
        var confirmed = status == CfarStatus.Confirmed;
        var holder = Cardholder();
        return new UpdateCfarContractRequest
        {
            Status = status,
            PnrReference = confirmed || _faker.Random.Bool(0.3f) ? PnrReference() : null,
            EmailAddress = confirmed ? holder.Email : null,
            PhoneNumber = confirmed && _faker.Random.Bool(0.6f) ? holder.Phone : null,
            FirstName = confirmed ? holder.FirstName : null,
            LastName = confirmed ? holder.LastName : null,
            AddressLine1 = confirmed ? holder.Street : null,
            City = confirmed ? holder.City : null,
            PostalCode = confirmed ? holder.PostalCode : null,
            Country = confirmed ? trip.PointOfSale : null,
            Currency = confirmed ? trip.Currency.Code : null,
            TotalPrice = confirmed ? trip.Format(trip.TotalPrice) : null,
            FormsOfPayment = confirmed ? FormsOfPayment(trip) : null,
        };
    }

    /// <summary>A <c>PUT /cfar_contracts/{id}/forms_of_payment</c> body whose amounts add up to the trip's total.</summary>
    public UpdateCfarFormOfPaymentRequest UpdateCfarFormOfPaymentRequest(Trip? trip = null) =>
        new() { FormsOfPayment = FormsOfPayment(trip ?? Trip()) };

    /// <summary>
    /// Forms of payment (every union member occurs) whose amounts add up to the trip's total; a points-only payment
    /// carries the total as its amount (the spec's <c>points</c> has no currency).
    /// </summary>
    public IReadOnlyList<FormOfPayment> FormsOfPayment(Trip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var total = trip.TotalPrice;
        var currency = trip.Currency.Code;
        switch (_faker.Random.Int(0, 5))
        {
            case 0:
                return [new Cash { Amount = trip.Format(total), Currency = currency }];
            case 1:
                return [new NonCash { Amount = trip.Format(total), Currency = currency }];
            case 2:
                return [new Points { Amount = trip.Format(total) }];
            case 3:
                var voucher = RoundTo(total * _faker.Random.Int(10, 50) / 100m, trip.Currency.Decimals);
                return [new NonCash { Amount = trip.Format(voucher), Currency = currency }, PaymentCard(trip.Format(total - voucher), currency)];
            default:
                return [PaymentCard(trip.Format(total), currency)];
        }
    }

    /// <summary>A <c>POST /cfar_contracts/{id}/payment</c> body; the token looks like a Spreedly payment-method token.</summary>
    public ProcessCfarPaymentRequest ProcessCfarPaymentRequest()
    {
        var holder = Cardholder();
        return new ProcessCfarPaymentRequest
        {
            PaymentMethodToken = _faker.Random.AlphaNumeric(27),
            FirstName = holder.FirstName,
            LastName = holder.LastName,
            AddressLine1 = holder.Street,
            AddressLine2 = _faker.Random.Bool(0.2f) ? "Building " + _faker.Random.Char('A', 'F') : null,
            City = holder.City,
            StateOrProvince = _faker.Address.StateAbbr(),
            PostalCode = holder.PostalCode,
            Country = "US",
            PnrReference = PnrReference(),
            EmailAddress = holder.Email,
        };
    }

    /// <summary>A <c>PUT /cfar_contracts/{id}/itinerary_slices</c> body: the trip's flights moved by one to three days.</summary>
    public UpdateCfarContractItinerarySlicesRequest UpdateCfarContractItinerarySlicesRequest(Trip? trip = null)
    {
        trip ??= Trip();
        var shift = _faker.Random.Int(1, 3) * 24 * 60;
        return new UpdateCfarContractItinerarySlicesRequest
        {
            Slices = trip.Slices.Select(s => new UpdateCfarContractItinerarySliceRequest
            {
                Segments = s.Select(g => CfarSegment(g with { Departure = g.Departure.AddMinutes(shift), Arrival = g.Arrival.AddMinutes(shift) })).ToList(),
            }).ToList(),
            PassengerCounts = _faker.Random.Bool(0.7f) ? trip.PassengerCounts.Select(c => new PassengerCount { Count = c.Count, Type = c.Type }).ToList() : null,
            PnrReference = OptionalPnrReference(),
        };
    }

    /// <summary>A <c>POST /cfar_contract_exercises</c> body. The spec leaves <c>contract_id</c> optional; it is set when given.</summary>
    public CreateCfarContractExerciseRequest CreateCfarContractExerciseRequest(string? contractId = null, Trip? trip = null)
    {
        trip ??= Trip();
        var holder = Cardholder();
        var penalty = _faker.Random.Bool(0.4f);
        return new CreateCfarContractExerciseRequest
        {
            ContractId = contractId,
            Itinerary = new CfarCreateExerciseItinerary
            {
                Slices = trip.Slices.Select(s => new CfarCreateExerciseItinerarySlice
                {
                    Segments = s.Select(g => new CfarCreateExerciseSliceSegment
                    {
                        OriginAirport = g.Origin.Code,
                        DestinationAirport = g.Destination.Code,
                        DepartureDateTime = g.Departure,
                        ArrivalDateTime = g.Arrival,
                        FlightNumber = g.FlightNumber,
                        ValidatingCarrierCode = g.Carrier.Code,
                        FareClass = g.FareClass,
                    }).ToList(),
                }).ToList(),
                PassengerPricing = trip.PassengerCounts.Select(c => new CfarCreateExercisePassengerPricing
                {
                    PassengerCount = new PassengerCount { Count = c.Count, Type = c.Type },
                    IndividualPrice = trip.Format(trip.IndividualPrice[c.Type]),
                }).ToList(),
                Currency = trip.Currency.Code,
                TotalPrice = trip.Format(trip.TotalPrice),
                Passengers = CfarPassengers(trip),
            },
            PnrReference = PnrReference(),
            ExtAttributes = ExtAttributes(),
            EmailAddress = holder.Email,
            AirlineRefundPenalty = penalty ? trip.Format(RoundTo(trip.TotalPrice * 0.1m, trip.Currency.Decimals)) : null,
            AirlineRefundMethod = penalty ? _faker.PickRandom<AirlineRefundMethod>() : null,
            Currency = trip.Currency.Code,
            Session = _faker.Random.Bool(0.3f) ? CreateAirlineCfarSessionRequest(trip) : null,
            CallbackUrl = _faker.Random.Bool(0.5f) ? "https://airline.example.com/hts/callback" : null,
            RedirectbackUrl = _faker.Random.Bool(0.5f) ? "https://airline.example.com/manage-booking" : null,
            FirstName = holder.FirstName,
            LastName = holder.LastName,
        };
    }

    /// <summary>A <c>PUT /cfar_contract_exercises/{id}/mark_completed</c> body (nothing is required by the spec).</summary>
    public MarkCfarContractExerciseCompleteRequest MarkCfarContractExerciseCompleteRequest(decimal? refundAmount = null) => new()
    {
        RefundAmount = AirlineAmount.Format(refundAmount ?? RoundTo(_faker.Random.Decimal(50m, 1500m), 2)),
        RefundMethod = _faker.PickRandom<AirlineRefundMethod>(),
    };

    /// <summary>The trip as a <c>cfar_offer_itinerary</c> (passengers as reference + type only).</summary>
    public CfarOfferItinerary CfarOfferItinerary(Trip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return new CfarOfferItinerary
        {
            PassengerPricing = PassengerPricing(trip),
            Currency = trip.Currency.Code,
            Slices = CfarSlices(trip),
            Ancillaries = Ancillaries(trip),
            TotalPrice = trip.Format(trip.TotalPrice),
            Passengers = trip.Passengers.Select(p => new CfarOfferPassenger { PassengerReference = p.Reference, PassengerType = p.Type }).ToList(),
            FareRules = FareRules(trip),
        };
    }

    /// <summary>The trip as a <c>cfar_itinerary</c> (passengers with names), as a contract carries it.</summary>
    public CfarItinerary CfarItinerary(Trip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return new CfarItinerary
        {
            PassengerPricing = PassengerPricing(trip),
            Currency = trip.Currency.Code,
            Slices = CfarSlices(trip),
            Ancillaries = Ancillaries(trip),
            TotalPrice = trip.Format(trip.TotalPrice),
            Passengers = CfarPassengers(trip),
            FareRules = FareRules(trip),
        };
    }

    private List<PassengerPricing> PassengerPricing(Trip trip) => trip.PassengerCounts.Select(c => new PassengerPricing
    {
        PassengerCount = new PassengerCount { Count = c.Count, Type = c.Type },
        IndividualPrice = trip.Format(trip.IndividualPrice[c.Type]),
        Taxes = [new CfarPassengerTax { Code = TaxCode(trip), Amount = trip.Format(RoundTo(trip.IndividualPrice[c.Type] * 0.08m, trip.Currency.Decimals)), Currency = trip.Currency.Code }],
    }).ToList();

    private List<CfarItinerarySlice> CfarSlices(Trip trip) => trip.Slices.Select(s => new CfarItinerarySlice
    {
        Segments = s.Select(CfarSegment).ToList(),
        FareBrand = s[0].FareBrand,
        FareBasis = trip.FareBasis,
    }).ToList();

    private static CfarItinerarySliceSegment CfarSegment(TripSegment g) => new()
    {
        OriginAirport = g.Origin.Code,
        DestinationAirport = g.Destination.Code,
        DepartureDateTime = g.Departure,
        ArrivalDateTime = g.Arrival,
        FlightNumber = g.FlightNumber,
        ValidatingCarrierCode = g.Carrier.Code,
        FareClass = g.FareClass,
        FareBrand = g.FareBrand,
    };

    private static List<Ancillary>? Ancillaries(Trip trip) => trip.Ancillaries.Count == 0
        ? null
        : trip.Ancillaries.Select(a => new Ancillary { Type = a.Type, PassengerReference = a.PassengerReference, TotalPrice = trip.Format(a.TotalPrice), Covered = true }).ToList();

    private static List<CfarPassenger> CfarPassengers(Trip trip) => trip.Passengers
        .Select(p => new CfarPassenger { PassengerReference = p.Reference, PassengerType = p.Type, FirstName = p.FirstName, LastName = p.LastName })
        .ToList();

    private static List<FareRule> FareRules(Trip trip)
    {
        var basic = trip.Slices[0][0].FareClass == FareClass.BasicEconomy;
        var fee = trip.Format(trip.Currency.Decimals == 0 ? 15000m : 150m);
        return
        [
            new FareRule
            {
                ModificationType = ModificationType.Cancellation,
                ModificationTime = ModificationTime.BeforeDeparture,
                Allowed = !basic,
                Fee = basic ? null : fee,
                RefundMethod = basic ? null : AirlineRefundMethod.Ftc,
                Currency = trip.Currency.Code,
            },
            new FareRule
            {
                ModificationType = ModificationType.Change,
                ModificationTime = ModificationTime.Anytime,
                Allowed = true,
                Fee = basic ? fee : null,
                Currency = trip.Currency.Code,
            },
        ];
    }

    private static string TaxCode(Trip trip) => trip.PointOfSale switch
    {
        "US" => "US",
        "CA" => "CA",
        "GB" => "GB",
        "MX" => "MX",
        _ => "YQ",
    };

    private PaymentCard PaymentCard(string amount, string currency) => new()
    {
        Amount = amount,
        Currency = currency,
        Token = _faker.Random.AlphaNumeric(27),
        LastFourDigits = _faker.Random.Replace("####"),
        ExpirationMonth = _faker.Random.Int(1, 12).ToString("00", CultureInfo.InvariantCulture),
        ExpirationYear = ((Now.Year + _faker.Random.Int(1, 6)) % 100).ToString("00", CultureInfo.InvariantCulture),
    };

    private Holder Cardholder()
    {
        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        return new Holder(
            first,
            last,
            _faker.Internet.Email(first, last, "example.com"),
            "1" + _faker.Random.Replace("##########"),
            _faker.Address.StreetAddress(),
            _faker.Address.City(),
            _faker.Address.ZipCode("#####"));
    }

    // The contract expires at the first departure; its local wall-clock time is read as UTC, close enough for test data.
    private static DateTimeOffset FirstDepartureUtc(Trip trip) => new(DateTime.SpecifyKind(trip.Slices[0][0].Departure.Value, DateTimeKind.Utc));

    private sealed record Holder(string FirstName, string LastName, string Email, string Phone, string Street, string City, string PostalCode);
}
