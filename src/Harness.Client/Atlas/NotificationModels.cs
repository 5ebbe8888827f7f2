using System.Text.Json;

namespace Harness.Client.Atlas;

/// <summary>
/// The envelope Atlas POSTs to the registered webhook URL: {cid, type, notificationId, status, data}.
/// <c>status</c> is the incident confirmation state on incident types, and an internal -1 on the others.
/// </summary>
public sealed record AtlasNotification
{
    /// <summary>Absent on airline.status.</summary>
    public string? Cid { get; init; }

    public required string Type { get; init; }

    /// <summary>Present on incident types and email.all; equals the Incident List's eventId.</summary>
    public string? NotificationId { get; init; }

    public int Status { get; init; }
    public JsonElement Data { get; init; }

    /// <summary>Reads <see cref="Data"/> as the typed payload of this <see cref="Type"/>.</summary>
    public T DataAs<T>() => Data.Deserialize<T>(AtlasJson.Options)
        ?? throw new JsonException($"Atlas notification {NotificationId ?? Type} has no data.");
}

/// <summary>data of email.schedulechange.</summary>
public sealed record EmailScheduleChangeData
{
    public required string OrderNo { get; init; }
    public string? EmailSubject { get; init; }

    /// <summary>Valid for 10 minutes: store its content at once.</summary>
    public string? EmailLink { get; init; }

    /// <summary>Kept verbatim: the docs show "(UTC+08:00) yyyymmdd hh:mm:ss".</summary>
    public string? EmailReceivingDate { get; init; }
}

/// <summary>A segment of an order.schedulechange; times are airport-local.</summary>
public sealed record ScheduleChangeSegment
{
    public required string Carrier { get; init; }
    public required string FlightNumber { get; init; }
    public required string DepAirport { get; init; }
    public required string ArrAirport { get; init; }
    public DateTime DepTime { get; init; }
    public DateTime ArrTime { get; init; }
    public string? DepTerminal { get; init; }
    public string? ArrTerminal { get; init; }
    public bool CodeShare { get; init; }

    /// <summary>1 outbound, 2 return.</summary>
    public int? Direction { get; init; }
}

/// <summary>data of order.schedulechange.</summary>
public sealed record OrderScheduleChangeData
{
    public required string OrderNo { get; init; }

    /// <summary>1 schedule change, 2 flight cancel.</summary>
    public int ScheduleChangeType { get; init; }

    public IReadOnlyList<ScheduleChangeSegment> PreviousSegs { get; init; } = [];

    /// <summary>Empty when a flight is cancelled with no protection.</summary>
    public IReadOnlyList<ScheduleChangeSegment> RevisedSegs { get; init; } = [];

    /// <summary>As booked.</summary>
    public IReadOnlyList<ScheduleChangeSegment> OriginalSegs { get; init; } = [];
}

/// <summary>data of abnormal.cancelled.</summary>
public sealed record AbnormalCancelledData
{
    public required string OrderNo { get; init; }

    /// <summary>"FULLY" (a full refund from the airline) or "Cancelled" (abnormal cancellation seen).</summary>
    public required string VendorRefundInformation { get; init; }
}

/// <summary>A passenger's ticket in order.ticketed and order.addonComplete.</summary>
public sealed record PaxTicketInfo
{
    public required string Name { get; init; }
    public int PassengerType { get; init; }
    public string? Birthday { get; init; }
    public int Gender { get; init; }
    public string? CardNum { get; init; }
    public int? CardType { get; init; }
    public string? CardIssuePlace { get; init; }
    public string? CardExpired { get; init; }
    public string? Nationality { get; init; }
    public IReadOnlyList<string> TicketNos { get; init; } = [];
    public IReadOnlyList<string> AirlinePNRs { get; init; } = [];
    public IReadOnlyList<JsonElement> Ancillaries { get; init; } = [];
}

/// <summary>data of order.ticketed.</summary>
public sealed record OrderTicketedData
{
    public required string OrderNo { get; init; }

    /// <summary>2 = ticketed.</summary>
    public int OrderStatus { get; init; }

    public IReadOnlyList<PaxTicketInfo> PaxTicketInfos { get; init; } = [];
}

/// <summary>data of order.void.</summary>
public sealed record OrderVoidData
{
    public required string OrderNo { get; init; }
    public required string VoidCode { get; init; }

    /// <summary>0 Atlas Processing, 1 Airline Processing, 2 Voided/Refunded, 3 Airline Voiding, 4 Rejected, 5 Completed, 6 Withdrew.</summary>
    public int VoidStatus { get; init; }

    public string? Message { get; init; }
}

/// <summary>data of airline.status.</summary>
public sealed record AirlineStatusData
{
    public IReadOnlyList<string> Airline { get; init; } = [];

    /// <summary>spec: documented as int, sent as a string: "Active", "Maintenance" or "Inactive".</summary>
    public required string AirlineStatus { get; init; }
}

/// <summary>data of email.all.</summary>
public sealed record EmailAllData
{
    public string? OrderNo { get; init; }
    public string? EmailReceivingDate { get; init; }
    public required string UniqueCode { get; init; }

    /// <summary>e.g. "Schedule change", "Receipt", "Unaccounted Cancellation".</summary>
    public required string EmailCategory { get; init; }

    public string? From { get; init; }
    public string? To { get; init; }
    public string? EmailSubject { get; init; }

    /// <summary>Valid for 10 minutes.</summary>
    public string? EmailLink { get; init; }

    public DateTimeOffset? CreateTime { get; init; }
}

/// <summary>data of the legacy order.addonComplete.</summary>
public sealed record OrderAddonCompleteData
{
    public required string AddonOrderNo { get; init; }
    public required string OriginalOrderNo { get; init; }
    public int OrderStatus { get; init; }
    public IReadOnlyList<PaxTicketInfo> PaxTicketInfos { get; init; } = [];
}

/// <summary>data of the legacy order.refundComplete (the docs show these fields flat).</summary>
public sealed record OrderRefundCompleteData
{
    public string? Cid { get; init; }
    public required string OrderNo { get; init; }
    public required string Currency { get; init; }
    public decimal OriginalTotalFare { get; init; }
    public decimal OriginalTotalAncillaryAmount { get; init; }
    public decimal OriginalTotalAmount { get; init; }
    public decimal AirlinePenaltyAmountForFare { get; init; }
    public decimal AirlinePenaltyAmountForAncillaries { get; init; }
    public decimal AirlinePenaltyAmount { get; init; }
    public decimal FinalRefundAmount { get; init; }
    public decimal TransactionFee { get; init; }

    /// <summary>2 = completed.</summary>
    public int RefundStatus { get; init; }
}
