using System.Globalization;
using Harness.Client.Models;

namespace Harness.TestData;

public sealed partial class AirlineFakers
{
    /// <summary>A <c>POST /dg_offers</c> body for one trip. <c>booking_date_time</c> only with <c>post_booking</c>.</summary>
    public CreateDgOffersRequest CreateDgOffersRequest(Trip? trip = null, DgRequestType? requestType = null)
    {
        trip ??= Trip();
        var type = requestType ?? _faker.PickRandom<DgRequestType>();
        return new CreateDgOffersRequest
        {
            Itinerary = [DgItinerary(trip)],
            RequestType = type,
            BookingDateTime = type == DgRequestType.PostBooking ? Now.AddMinutes(-_faker.Random.Int(5, 60 * 24 * 30)) : null,
            ExtAttributes = ExtAttributes(),
            Session = _faker.Random.Bool(0.4f) ? CreateAirlineDgSessionRequest(trip) : null,
        };
    }

    /// <summary>A <c>POST /dg_contracts</c> body from an offer the API returned.</summary>
    public CreateDgContractRequest CreateDgContractRequest(CreateDgOfferItemResponse offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new CreateDgContractRequest
        {
            OfferIds = [offer.Id],
            Itinerary = offer.Itinerary,
            ExtAttributes = offer.ExtAttributes,
            PnrReference = OptionalPnrReference(),
        };
    }

    /// <summary>A <c>POST /dg_contracts</c> body for offers created from <paramref name="trip"/>.</summary>
    public CreateDgContractRequest CreateDgContractRequest(IReadOnlyList<string> offerIds, Trip trip) => new()
    {
        OfferIds = offerIds,
        Itinerary = DgItinerary(trip),
        ExtAttributes = ExtAttributes(),
        PnrReference = OptionalPnrReference(),
    };

    /// <summary>A <c>POST /dg_contracts/{id}/payment</c> body: DG requires <c>phone_number</c>, not names (hopper-airlines-guide.md §5.7).</summary>
    public ProcessDgPaymentRequest ProcessDgPaymentRequest()
    {
        var holder = Cardholder();
        var named = _faker.Random.Bool(0.7f);
        return new ProcessDgPaymentRequest
        {
            PaymentToken = _faker.Random.AlphaNumeric(27),
            EmailAddress = holder.Email,
            PhoneNumber = holder.Phone,
            PnrReference = PnrReference(),
            FirstName = named ? holder.FirstName : null,
            LastName = named ? holder.LastName : null,
            AddressLine1 = named ? holder.Street : null,
            City = named ? holder.City : null,
            PostalCode = named ? holder.PostalCode : null,
            Country = named ? "US" : null,
        };
    }

    /// <summary>A <c>PUT /dg_contracts/{id}/update_status</c> body; confirmed always carries a PNR and payment that adds up.</summary>
    public UpdateDgContractStatusRequest UpdateDgContractStatusRequest(DgStatus status = DgStatus.Confirmed, Trip? trip = null)
    {
        trip ??= Trip();
        var confirmed = status == DgStatus.Confirmed;
        var holder = Cardholder();
        return new UpdateDgContractStatusRequest
        {
            Status = status,
            PnrReference = confirmed || _faker.Random.Bool(0.3f) ? PnrReference() : null,
            EmailAddress = confirmed ? holder.Email : null,
            PhoneNumber = confirmed ? holder.Phone : null,
            FirstName = confirmed ? holder.FirstName : null,
            LastName = confirmed ? holder.LastName : null,
            Country = confirmed ? trip.PointOfSale : null,
            Currency = confirmed ? trip.Currency.Code : null,
            TotalPrice = confirmed ? trip.Format(trip.TotalPrice) : null,
            FormsOfPayment = confirmed ? FormsOfPayment(trip) : null,
        };
    }

    /// <summary>The <c>PUT /dg_contracts/{id}/itinerary_slices</c> body: a bare array (minItems 1) of full DG slices, moved by 1–3 days.</summary>
    public IReadOnlyList<DgItinerarySlice> DgItinerarySlices(Trip? trip = null)
    {
        trip ??= Trip();
        var shift = _faker.Random.Int(1, 3) * 24 * 60;
        var moved = trip with
        {
            Slices = trip.Slices.Select(s => (IReadOnlyList<TripSegment>)s.Select(g => g with
            {
                Departure = g.Departure.AddMinutes(shift),
                Arrival = g.Arrival.AddMinutes(shift),
            }).ToList()).ToList(),
        };
        return DgSlices(moved, withPricing: true);
    }

    /// <summary>
    /// A <c>POST /dg_contract_exercises</c> body: the first slice disrupted (delayed or cancelled, <c>irop</c> true),
    /// with estimated times after the scheduled ones; a rebooked slice carries its original as <c>previous_slice</c>.
    /// </summary>
    public CreateDgContractExerciseRequest CreateDgContractExerciseRequest(string contractId, Trip? trip = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contractId);
        trip ??= Trip();
        var holder = Cardholder();
        var slices = trip.Slices.Select((s, i) => ExerciseSlice(s, disrupted: i == 0)).ToList();
        if (_faker.Random.Bool(0.3f))
        {
            var rebookShift = _faker.Random.Int(3, 12) * 60;
            var original = slices[0];
            slices[0] = new DgExerciseItinerarySlice
            {
                Segments = original.Segments.Select(g => g with
                {
                    DepartureDateTime = g.DepartureDateTime.AddMinutes(rebookShift),
                    ArrivalDateTime = g.ArrivalDateTime.AddMinutes(rebookShift),
                    EstimatedDepartureDateTime = g.DepartureDateTime.AddMinutes(rebookShift),
                    EstimatedArrivalDateTime = g.ArrivalDateTime.AddMinutes(rebookShift),
                    FlightStatus = FlightStatus.Confirmed,
                }).ToList(),
                Irop = false,
                Invol = true,
                PreviousSlice = original,
            };
        }

        return new CreateDgContractExerciseRequest
        {
            ContractId = contractId,
            Itinerary = new DgExerciseItinerary
            {
                PassengerCount = trip.PassengerCounts.Select(c => new DgPassengerCount { Count = c.Count, PassengerType = Twin<DgPassengerType>(c.Type) }).ToList(),
                Slices = slices,
                Passengers = _faker.Random.Bool(0.6f) ? DgPassengers(trip) : null,
            },
            PnrReference = PnrReference(),
            EmailAddress = holder.Email,
            CallbackUrl = _faker.Random.Bool(0.5f) ? "https://airline.example.com/hts/callback" : null,
            RedirectbackUrl = _faker.Random.Bool(0.5f) ? "https://airline.example.com/manage-booking" : null,
            Session = _faker.Random.Bool(0.3f) ? CreateAirlineDgSessionRequest(trip) : null,
        };
    }

    /// <summary>The trip as a <c>dg_itinerary</c> (cabin instead of fare class; passengers with travel documents).</summary>
    public DgItinerary DgItinerary(Trip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return new DgItinerary
        {
            PassengerPricing = DgPricing(trip),
            Currency = trip.Currency.Code,
            Slices = DgSlices(trip, withPricing: false),
            Ancillaries = trip.Ancillaries.Count == 0
                ? null
                : trip.Ancillaries.Select(a => new DgAncillary { Type = Twin<DgAncillaryType>(a.Type), PassengerReference = a.PassengerReference, TotalPrice = trip.Format(a.TotalPrice), Covered = true }).ToList(),
            TotalPrice = trip.Format(trip.TotalPrice),
            Passengers = DgPassengers(trip),
        };
    }

    private static List<DgPassengerPricing> DgPricing(Trip trip) => trip.PassengerCounts.Select(c => new DgPassengerPricing
    {
        // Spec: dg_passenger_pricing uses passenger_count (with "type"), not dg_passenger_count.
        PassengerCount = new PassengerCount { Count = c.Count, Type = c.Type },
        IndividualPrice = trip.Format(trip.IndividualPrice[c.Type]),
        Taxes = [new DgPassengerTax { Code = TaxCode(trip), Amount = trip.Format(RoundTo(trip.IndividualPrice[c.Type] * 0.08m, trip.Currency.Decimals)), Currency = trip.Currency.Code }],
    }).ToList();

    private static List<DgItinerarySlice> DgSlices(Trip trip, bool withPricing) => trip.Slices.Select(s => new DgItinerarySlice
    {
        Segments = s.Select(g => new DgItinerarySliceSegment
        {
            SegmentId = g.SegmentId,
            OriginAirport = g.Origin.Code,
            DestinationAirport = g.Destination.Code,
            DepartureDateTime = g.Departure,
            ArrivalDateTime = g.Arrival,
            FlightNumber = g.FlightNumber,
            ValidatingCarrierCode = g.Carrier.Code,
            Cabin = g.Cabin,
            FareBrand = g.FareBrand,
        }).ToList(),
        FareBrand = s[0].FareBrand,
        PassengerPricing = withPricing ? DgPricing(trip) : null,
    }).ToList();

    private static List<DgPassenger> DgPassengers(Trip trip) => trip.Passengers.Select(p => new DgPassenger
    {
        PassengerReference = p.Reference,
        PassengerType = Twin<DgPassengerType>(p.Type),
        FirstName = p.FirstName,
        LastName = p.LastName,
        DateOfBirth = p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Gender = p.Gender,
        PassportNumber = p.PassportNumber,
        PassportCountryIssuance = p.Nationality,
        Nationality = p.Nationality,
    }).ToList();

    /// <summary>The DG twin of a CFAR enum value (hopper-airlines-guide.md §5.2: identical lists under different schema names).</summary>
    private static TDg Twin<TDg>(Enum value)
        where TDg : struct, Enum => Enum.Parse<TDg>(value.ToString());

    private DgExerciseItinerarySlice ExerciseSlice(IReadOnlyList<TripSegment> slice, bool disrupted)
    {
        var cancelled = disrupted && _faker.Random.Bool(0.3f);
        var delay = disrupted ? _faker.Random.Int(12, 72) * 5 : 0;
        return new DgExerciseItinerarySlice
        {
            Segments = slice.Select((g, i) => new DgExerciseItinerarySliceSegment
            {
                OriginAirport = g.Origin.Code,
                DestinationAirport = g.Destination.Code,
                DepartureDateTime = g.Departure,
                ArrivalDateTime = g.Arrival,
                EstimatedDepartureDateTime = g.Departure.AddMinutes(delay),
                EstimatedArrivalDateTime = g.Arrival.AddMinutes(delay),
                FlightNumber = g.FlightNumber,
                ValidatingCarrierCode = g.Carrier.Code,
                Cabin = g.Cabin,
                FlightStatus = cancelled && i == 0 ? FlightStatus.Cancelled : FlightStatus.Confirmed,
                CheckedIn = _faker.Random.Bool(0.5f) ? _faker.Random.Bool() : null,
                Boarded = disrupted ? false : null,
                Flown = disrupted ? false : null,
            }).ToList(),
            Irop = disrupted,
            Invol = disrupted ? false : null,
        };
    }
}
