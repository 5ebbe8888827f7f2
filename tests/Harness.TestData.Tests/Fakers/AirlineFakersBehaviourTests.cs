using System.Text.RegularExpressions;
using Harness.TestData.Reference;

namespace Harness.TestData.Tests.Fakers;

public partial class AirlineFakersBehaviourTests
{
    private static readonly DateTimeOffset FixedNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fakers_WithSameSeedAndNow_ProduceIdenticalRequests()
    {
        Sequence(new AirlineFakers(42, FixedNow)).Should().Equal(Sequence(new AirlineFakers(42, FixedNow)));
    }

    [Fact]
    public void Fakers_WithDifferentSeeds_ProduceDifferentRequests()
    {
        Sequence(new AirlineFakers(42, FixedNow)).Should().NotEqual(Sequence(new AirlineFakers(43, FixedNow)));
    }

    [Fact]
    public void Fakers_WithoutNow_UseTodaysUtcMidnightAndExposeSeed()
    {
        var fakers = new AirlineFakers(9);

        fakers.Seed.Should().Be(9);
        fakers.Now.Should().Be(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero));
        Sequence(fakers).Should().Equal(Sequence(new AirlineFakers(9, AirlineFakers.DefaultNow())));
    }

    [Fact]
    public void Trip_Over1000Draws_IsRealisticAndInOrder()
    {
        var fakers = new AirlineFakers(1234, FixedNow);
        var airports = ReferenceData.Airports.Select(a => a.Code).ToHashSet();

        for (var i = 0; i < 1000; i++)
        {
            var trip = fakers.Trip();
            var previousArrival = new LocalDateTime(FixedNow.UtcDateTime);
            foreach (var segment in trip.Slices.SelectMany(s => s))
            {
                airports.Should().Contain([segment.Origin.Code, segment.Destination.Code]);
                segment.Origin.Code.Should().NotBe(segment.Destination.Code);
                FlightNumber().IsMatch(segment.FlightNumber).Should().BeTrue(segment.FlightNumber);
                segment.FlightNumber.Should().StartWith(segment.Carrier.Code);
                segment.Departure.Should().BeGreaterThan(previousArrival, "each flight leaves after the previous one lands, and in the future");
                segment.Arrival.Should().BeGreaterThan(segment.Departure);
                previousArrival = segment.Arrival;
            }

            for (var s = 0; s + 1 < trip.Slices.Count; s++)
            {
                trip.Slices[s][^1].Destination.Should().Be(trip.Slices[s + 1][0].Origin, "slices chain end to start");
            }

            trip.Passengers.Count(p => p.Type == PassengerType.Adult).Should().BeGreaterThanOrEqualTo(1);
            trip.Passengers.Select(p => p.Reference).Should().OnlyHaveUniqueItems();
            trip.Currency.Should().Be(ReferenceData.CurrencyByCountry[trip.PointOfSale]);
        }
    }

    [Fact]
    public void CfarOfferItinerary_Amounts_AddUpToTotalWithTheCurrencysDecimals()
    {
        var fakers = new AirlineFakers(77, FixedNow);

        for (var i = 0; i < 500; i++)
        {
            var itinerary = fakers.CreateCfarOfferRequest().Itinerary.Single();
            var decimals = itinerary.Currency == "JPY" ? 0 : 2;
            var fares = itinerary.PassengerPricing.Sum(p => p.PassengerCount.Count * p.IndividualPriceValue);
            var extras = itinerary.Ancillaries?.Sum(a => a.TotalPriceValue) ?? 0m;

            itinerary.TotalPriceValue.Should().Be(fares + extras);
            DecimalsOf(itinerary.TotalPrice!).Should().Be(decimals, itinerary.TotalPrice);
            itinerary.PassengerPricing.Should().OnlyContain(p => DecimalsOf(p.IndividualPrice) == decimals);
            itinerary.PassengerPricing.Sum(p => p.PassengerCount.Count).Should().Be(itinerary.Passengers!.Count);
        }
    }

    [Fact]
    public void FormsOfPayment_Amounts_AddUpToTheTripTotal()
    {
        var fakers = new AirlineFakers(3, FixedNow);

        for (var i = 0; i < 500; i++)
        {
            var trip = fakers.Trip();
            var forms = fakers.FormsOfPayment(trip);
            var sum = forms.Sum(f => f switch
            {
                Cash c => c.AmountValue,
                NonCash n => n.AmountValue,
                PaymentCard p => p.AmountValue,
                Points p => p.AmountValue,
                _ => throw new InvalidOperationException(f.GetType().Name),
            });

            sum.Should().Be(trip.TotalPrice);
        }
    }

    [Fact]
    public void CreateCfarOfferRequest_BookingDateTime_OnlyWithPostBooking()
    {
        var fakers = new AirlineFakers(11, FixedNow);

        for (var i = 0; i < 300; i++)
        {
            var request = fakers.CreateCfarOfferRequest();
            (request.BookingDateTime is not null).Should().Be(request.RequestType == RequestType.PostBooking);
            request.BookingDateTime?.Should().BeBefore(FixedNow);
        }
    }

    [Fact]
    public void UpdateCfarContractRequest_WhenConfirmed_CarriesPnrAndPaymentMatchingTotal()
    {
        var fakers = new AirlineFakers(12, FixedNow);
        var trip = fakers.Trip();

        var request = fakers.UpdateCfarContractRequest(CfarStatus.Confirmed, trip);

        request.PnrReference.Should().MatchRegex("^[A-Z0-9]{6}$");
        request.TotalPriceValue.Should().Be(trip.TotalPrice);
        request.Currency.Should().Be(trip.Currency.Code);
        request.FormsOfPayment.Should().NotBeEmpty();
    }

    [Fact]
    public void CreateAirlineSessionRequest_ForExercise_AlwaysNamesAProduct()
    {
        var fakers = new AirlineFakers(13, FixedNow);

        Enumerable.Range(0, 300).Select(_ => fakers.CreateAirlineSessionRequest(FlowType.Exercise))
            .Should().OnlyContain(s => s.Product != null);
    }

    [Fact]
    public void CreateCfarContractRequest_FromOffer_UsesTheOffersIdItineraryAndAttributes()
    {
        var fakers = new AirlineFakers(14, FixedNow);
        var trip = fakers.Trip();
        var offer = new CfarOffer
        {
            Id = "offer-1", Premium = "40.80", Coverage = "400.00", CoveragePercentage = "80.00", Currency = trip.Currency.Code, TaxesTotal = "3.90",
            RequestType = RequestType.Fare, ContractExpiryDateTime = FixedNow.AddDays(30), CreatedDateTime = FixedNow,
            Itinerary = fakers.CfarItinerary(trip), Contents = new Dictionary<string, CfarContents>(),
            ExtAttributes = new Dictionary<string, string> { ["k"] = "v" }, Experiments = new Dictionary<string, string>(),
        };

        var request = fakers.CreateCfarContractRequest(offer);

        request.OfferIds.Should().Equal("offer-1");
        request.Itinerary.Should().BeSameAs(offer.Itinerary);
        request.ExtAttributes.Should().BeSameAs(offer.ExtAttributes);
    }

    [Fact]
    public void CreateDgContractExerciseRequest_DisruptedSlice_HasIropAndLaterEstimates()
    {
        var fakers = new AirlineFakers(15, FixedNow);

        for (var i = 0; i < 300; i++)
        {
            var request = fakers.CreateDgContractExerciseRequest("contract-1");
            var first = request.Itinerary.Slices[0];
            var disrupted = first.PreviousSlice ?? first;

            disrupted.Irop.Should().BeTrue();
            disrupted.Segments.Should().OnlyContain(s => s.EstimatedDepartureDateTime > s.DepartureDateTime && s.EstimatedArrivalDateTime > s.ArrivalDateTime);
            if (first.PreviousSlice is not null)
            {
                first.Invol.Should().BeTrue();
            }
        }
    }

    [Fact]
    public void CreateDgContractExerciseRequest_WithEmptyContractId_ThrowsNamingIt()
    {
        var act = () => new AirlineFakers(1, FixedNow).CreateDgContractExerciseRequest(" ");

        act.Should().Throw<ArgumentException>().WithParameterName("contractId");
    }

    private static List<string> Sequence(AirlineFakers fakers) =>
    [
        AirlineJson.Serialize(fakers.CreateAirlineSessionRequest()),
        AirlineJson.Serialize(fakers.CreateCfarOfferRequest()),
        AirlineJson.Serialize(fakers.CreateDgOffersRequest()),
        AirlineJson.Serialize(fakers.UpdateCfarContractRequest()),
        AirlineJson.Serialize(fakers.CreateDgContractExerciseRequest("c-1")),
        AirlineJson.Serialize(fakers.Event()),
    ];

    private static int DecimalsOf(string amount) => amount.Contains('.', StringComparison.Ordinal) ? amount.Length - amount.IndexOf('.', StringComparison.Ordinal) - 1 : 0;

    [GeneratedRegex("^([A-Z][0-9]{2,5}|[0-9]{1,4}|[0-9][A-Z][0-9]{1,4}|[A-Z]{2}[0-9]{1,4})$")]
    private static partial Regex FlightNumber();
}
