using System.Globalization;
using System.Text.Json;
using Bogus;
using Harness.ApiFacts;
using Harness.Client.Atlas;

namespace Harness.TestData.Atlas;

/// <summary>
/// Seeded fakers for Atlas incidents, webhook notifications and requests. The same seed and <c>now</c> give the same
/// values; every value is valid by construction (ids in Atlas's shapes, dates in UTC+08:00, enums from the docs).
/// </summary>
public sealed class AtlasFakers
{
    private static readonly string[] Airlines = ["IU", "QZ", "FR", "U2", "AK", "VJ", "5J", "TR"];
    private static readonly string[] Airports = ["CGK", "DPS", "SIN", "KUL", "BKK", "MNL", "SGN", "HKT"];
    private static readonly string[] EmailCategories =
    [
        "Schedule change", "Receipt", "Payment Success", "Verification", "Trip Reminder", "Promo code", "Travel Itinerary",
        "Advertisement", "PNR Cancellation Success", "Payment Due", "Unidentified", "Duplicated Schedule Change", "Unaccounted Cancellation",
    ];

    private readonly Faker _faker;
    private readonly Func<DateTimeOffset> _clock;

    public AtlasFakers(int seed, DateTimeOffset now)
        : this(seed, () => now)
    {
    }

    /// <summary>Fakers whose "now" is <paramref name="clock"/>'s current time at each call (the sandbox raises incidents as time passes).</summary>
    public AtlasFakers(int seed, TimeProvider clock)
        : this(seed, (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow)
    {
    }

    private AtlasFakers(int seed, Func<DateTimeOffset> clock)
    {
        _faker = new Faker("en") { Random = new Randomizer(seed) };
        _clock = clock;
    }

    /// <summary>The client id the fakers put in <c>cid</c>.</summary>
    public string ClientId { get; init; } = SandboxCredentials.AtlasClientId;

    private DateTimeOffset Now => _clock();

    /// <summary>"20230401003644225YJQGR": the UTC+8 time to the millisecond plus 5 letters (the docs say 6; samples show 5).</summary>
    public string EventId(DateTimeOffset at) =>
        at.ToOffset(AtlasJson.AtlasOffset).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + Letters(5);

    /// <summary>"HCNMN20230227142411968": 5 letters plus the booking time.</summary>
    public string OrderNo() =>
        Letters(5) + Now.AddDays(-_faker.Random.Int(1, 120)).AddMilliseconds(_faker.Random.Int(0, 86_399_999))
            .ToOffset(AtlasJson.AtlasOffset).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>An unconfirmed incident of <paramref name="eventType"/> (default: any of the three).</summary>
    public Incident Incident(string? eventType = null)
    {
        eventType ??= _faker.PickRandom(AtlasEventTypes.Incidents.ToArray());
        RequireIncidentType(eventType);
        return Incident(eventType, AtlasTime(Now.AddMinutes(-_faker.Random.Int(1, 60 * 24 * 7))));
    }

    /// <summary>An unconfirmed incident of <paramref name="eventType"/> received at <paramref name="eventTime"/> (kept as given).</summary>
    public Incident Incident(string eventType, DateTimeOffset eventTime)
    {
        RequireIncidentType(eventType);
        var orderNo = OrderNo();
        var passengers = _faker.Random.Int(1, 3);
        return new Incident
        {
            EventId = EventId(eventTime),
            OrderNo = orderNo,
            SubOrderNo = orderNo + "_1",
            EventType = eventType,
            EventStatus = IncidentStatus.Unconfirmed,
            EventTime = eventTime,
            ExtraInfo = _faker.Random.Int(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
            ClientCode = "TAC" + _faker.Random.Int(1, 99_999).ToString("D5", CultureInfo.InvariantCulture),
            CreateTime = eventTime,
            UpdateTime = eventTime,
            Airline = _faker.PickRandom(Airlines),
            DepTime = DepartureTime(),
            Notified = 0,
            Pnr = Letters(6),
            PaxName = string.Join(',', Enumerable.Range(0, passengers).Select(_ => PaxName())),
            PaxEmail = _faker.Internet.Email(provider: "example.com").ToLowerInvariant(),
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="eventType"/> unless it is one of <see cref="AtlasEventTypes.Incidents"/>.</summary>
    public static void RequireIncidentType(string eventType)
    {
        if (!AtlasEventTypes.Incidents.Contains(eventType))
            throw new ArgumentException($"'{eventType}' is not an incident type; expected one of {string.Join(", ", AtlasEventTypes.Incidents)}.", nameof(eventType));
    }

    /// <summary>The webhook envelope for <paramref name="incident"/>: status is its confirmation state.</summary>
    public AtlasNotification NotificationFor(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        object data = incident.EventType switch
        {
            AtlasEventTypes.EmailScheduleChange => EmailScheduleChangeData(incident.OrderNo!, incident.EventTime ?? Now),
            AtlasEventTypes.AbnormalCancelled => AbnormalCancelledData(incident.OrderNo!),
            _ => OrderScheduleChangeData(incident.OrderNo!, incident.Airline ?? "IU", incident.DepTime ?? DepartureTime()),
        };
        return Envelope(incident.EventType, incident.EventId, (int)incident.EventStatus, data);
    }

    /// <summary>A valid notification of any type in <see cref="AtlasEventTypes.All"/>.</summary>
    public AtlasNotification Notification(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (AtlasEventTypes.Incidents.Contains(type))
            return NotificationFor(Incident(type));

        var orderNo = OrderNo();
        // spec: on non-incident types status "is internal and always -1".
        return type switch
        {
            AtlasEventTypes.OrderTicketed => Envelope(type, null, -1, new OrderTicketedData { OrderNo = orderNo, OrderStatus = 2, PaxTicketInfos = PaxTickets() }),
            AtlasEventTypes.OrderVoid => Envelope(type, null, -1, new OrderVoidData
            {
                OrderNo = orderNo,
                VoidCode = "V" + orderNo,
                VoidStatus = _faker.Random.Int(0, 6),
                Message = _faker.PickRandom("Void submitted", "Airline processing", "Voided"),
            }),
            // spec: airline.status has no cid.
            AtlasEventTypes.AirlineStatus => Envelope(type, null, -1, new AirlineStatusData
            {
                Airline = [_faker.PickRandom(Airlines)],
                AirlineStatus = _faker.PickRandom("Active", "Maintenance", "Inactive"),
            }) with { Cid = null },
            AtlasEventTypes.EmailAll => Envelope(type, EventId(Now), -1, new EmailAllData
            {
                OrderNo = orderNo,
                EmailReceivingDate = EmailReceivingDate(Now),
                UniqueCode = _faker.Random.AlphaNumeric(16).ToUpperInvariant(),
                EmailCategory = _faker.PickRandom(EmailCategories),
                From = "noreply@" + _faker.Internet.DomainName(),
                To = _faker.Internet.Email(provider: "example.com").ToLowerInvariant(),
                EmailSubject = _faker.Lorem.Sentence(6),
                EmailLink = EmailLink(),
                CreateTime = AtlasTime(Now),
            }),
            AtlasEventTypes.OrderAddonComplete => Envelope(type, null, -1, new OrderAddonCompleteData
            {
                AddonOrderNo = OrderNo(),
                OriginalOrderNo = orderNo,
                OrderStatus = 2,
                PaxTicketInfos = PaxTickets(),
            }),
            AtlasEventTypes.OrderRefundComplete => Envelope(type, null, -1, RefundComplete(orderNo)),
            _ => throw new ArgumentException($"'{type}' is not an Atlas notification type; expected one of {string.Join(", ", AtlasEventTypes.All)}.", nameof(type)),
        };
    }

    /// <summary>A confirmation of an email.schedulechange incident, with flights that match the result.</summary>
    public EmailScheduleChangeConfirmation EmailScheduleChangeConfirmation(string eventId, EmailScheduleChangeResult? result = null)
    {
        var chosen = result ?? _faker.PickRandom<EmailScheduleChangeResult>();
        var flightNo = _faker.PickRandom(Airlines) + _faker.Random.Int(100, 999).ToString(CultureInfo.InvariantCulture);
        var departure = DepartureTime();
        return new EmailScheduleChangeConfirmation
        {
            EventId = eventId,
            Result = chosen,
            Remark = _faker.Lorem.Sentence(5),
            ChangedFlights = chosen != EmailScheduleChangeResult.FlightChange ? null :
            [
                new ChangedFlight
                {
                    OriginalFlightNo = flightNo,
                    NewFlightNo = flightNo,
                    NewDepartureTime = departure,
                    NewArrivalTime = departure.AddMinutes(_faker.Random.Int(60, 400)),
                    NewDepartureAirport = _faker.PickRandom(Airports),
                    NewArrivalAirport = _faker.PickRandom(Airports),
                },
            ],
            CanceledFlights = chosen == EmailScheduleChangeResult.FlightCanceled ? [flightNo] : null,
        };
    }

    public AbnormalCancelledConfirmation AbnormalCancelledConfirmation(string eventId, AbnormalCancelledResult? result = null) => new()
    {
        EventId = eventId,
        Result = result ?? _faker.PickRandom<AbnormalCancelledResult>(),
        Remark = _faker.Lorem.Sentence(5),
    };

    public EventConfirmation EventConfirmation(string eventId) => new() { EventId = eventId, Remark = _faker.Lorem.Sentence(5) };

    private AtlasNotification Envelope(string type, string? notificationId, int status, object data) => new()
    {
        Cid = ClientId,
        Type = type,
        NotificationId = notificationId,
        Status = status,
        Data = JsonSerializer.SerializeToElement(data, data.GetType(), AtlasJson.Options),
    };

    private EmailScheduleChangeData EmailScheduleChangeData(string orderNo, DateTimeOffset received) => new()
    {
        OrderNo = orderNo,
        EmailSubject = $"IMPORTANT: Flight schedule change notice. Confirmation Code {Letters(6)}",
        EmailLink = EmailLink(),
        EmailReceivingDate = EmailReceivingDate(received),
    };

    private AbnormalCancelledData AbnormalCancelledData(string orderNo) => new()
    {
        OrderNo = orderNo,
        VendorRefundInformation = _faker.PickRandom("FULLY", "Cancelled"),
    };

    private OrderScheduleChangeData OrderScheduleChangeData(string orderNo, string airline, DateTime departure)
    {
        var flightNumber = airline + _faker.Random.Int(100, 999).ToString(CultureInfo.InvariantCulture);
        var (from, to) = (_faker.PickRandom(Airports), _faker.PickRandom(Airports));
        var original = Segment(airline, flightNumber, from, to, departure);
        var cancelled = _faker.Random.Bool(0.25f);
        return new OrderScheduleChangeData
        {
            OrderNo = orderNo,
            ScheduleChangeType = cancelled ? 2 : 1,
            PreviousSegs = [original],
            RevisedSegs = cancelled ? [] : [Segment(airline, flightNumber, from, to, departure.AddMinutes(_faker.Random.Int(1, 16) * 15))],
            OriginalSegs = [original],
        };
    }

    private ScheduleChangeSegment Segment(string airline, string flightNumber, string from, string to, DateTime departure) => new()
    {
        Carrier = airline,
        FlightNumber = flightNumber,
        DepAirport = from,
        ArrAirport = to,
        DepTime = departure,
        ArrTime = departure.AddMinutes(_faker.Random.Int(60, 400)),
        DepTerminal = "",
        ArrTerminal = "",
        CodeShare = false,
        Direction = 1,
    };

    private List<PaxTicketInfo> PaxTickets() =>
    [
        .. Enumerable.Range(0, _faker.Random.Int(1, 3)).Select(_ => new PaxTicketInfo
        {
            Name = PaxName(),
            PassengerType = 0,
            Birthday = Now.AddYears(-_faker.Random.Int(18, 70)).AddDays(-_faker.Random.Int(0, 364)).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            Gender = _faker.Random.Int(0, 1),
            CardNum = _faker.Random.Replace("?########").ToUpperInvariant(),
            CardType = 0,
            CardIssuePlace = "SG",
            CardExpired = Now.AddYears(_faker.Random.Int(2, 9)).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            Nationality = "SG",
            TicketNos = [_faker.Random.Replace("###-##########")],
            AirlinePNRs = [Letters(6)],
        }),
    ];

    private OrderRefundCompleteData RefundComplete(string orderNo)
    {
        var fare = Math.Round(_faker.Random.Decimal(50, 900), 2);
        var ancillaries = Math.Round(_faker.Random.Decimal(0, 150), 2);
        var penaltyFare = Math.Round(fare * _faker.Random.Decimal(0, 0.5m), 2);
        var penaltyAncillaries = Math.Round(ancillaries * _faker.Random.Decimal(0, 0.5m), 2);
        var fee = Math.Round(_faker.Random.Decimal(0, 10), 2);
        var total = fare + ancillaries;
        var penalty = penaltyFare + penaltyAncillaries;
        return new OrderRefundCompleteData
        {
            Cid = ClientId,
            OrderNo = orderNo,
            Currency = _faker.PickRandom("USD", "SGD", "EUR"),
            OriginalTotalFare = fare,
            OriginalTotalAncillaryAmount = ancillaries,
            OriginalTotalAmount = total,
            AirlinePenaltyAmountForFare = penaltyFare,
            AirlinePenaltyAmountForAncillaries = penaltyAncillaries,
            AirlinePenaltyAmount = penalty,
            FinalRefundAmount = total - penalty - fee,
            TransactionFee = fee,
            RefundStatus = 2,
        };
    }

    // Atlas's wire keeps whole seconds; trimming here keeps values equal after a round trip.
    private static DateTimeOffset AtlasTime(DateTimeOffset value)
    {
        var atlas = value.ToOffset(AtlasJson.AtlasOffset);
        return atlas.AddTicks(-(atlas.Ticks % TimeSpan.TicksPerSecond));
    }

    private DateTime DepartureTime() =>
        Now.ToOffset(AtlasJson.AtlasOffset).Date.AddDays(_faker.Random.Int(2, 90)).AddMinutes(_faker.Random.Int(5 * 12, 23 * 12) * 5);

    private string PaxName() => $"{_faker.Name.LastName().ToUpperInvariant()}/{_faker.Name.FirstName().ToUpperInvariant()}";

    private string EmailLink() => $"https://sandbox.atriptech.com/#/email-detail/{_faker.Random.Int(1_000_000, 9_999_999)}";

    // spec: "(UTC+08:00) yyyymmdd hh:mm:ss".
    private static string EmailReceivingDate(DateTimeOffset at) =>
        "(UTC+08:00) " + at.ToOffset(AtlasJson.AtlasOffset).ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture);

    private string Letters(int count) => _faker.Random.String2(count, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
