using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public enum AirlineRefundMethod
{
    [JsonStringEnumMemberName("ftc")]
    Ftc,
    [JsonStringEnumMemberName("cash")]
    Cash
}

/// <summary>Spec: "The type of ancillary"</summary>
public enum AncillaryType
{
    [JsonStringEnumMemberName("travel_insurance")]
    TravelInsurance,
    [JsonStringEnumMemberName("bag_insurance")]
    BagInsurance,
    [JsonStringEnumMemberName("cabin_bag")]
    CabinBag,
    [JsonStringEnumMemberName("checked_bag")]
    CheckedBag,
    [JsonStringEnumMemberName("seat")]
    Seat,
    [JsonStringEnumMemberName("lounge")]
    Lounge,
    [JsonStringEnumMemberName("meal")]
    Meal,
    [JsonStringEnumMemberName("fast_track")]
    FastTrack,
    [JsonStringEnumMemberName("pet")]
    Pet,
    [JsonStringEnumMemberName("change")]
    Change,
    [JsonStringEnumMemberName("bundle")]
    Bundle,
    [JsonStringEnumMemberName("payment_fee")]
    PaymentFee,
    [JsonStringEnumMemberName("other")]
    Other
}

/// <summary>Spec: "Service class of the segment"</summary>
public enum Cabin
{
    [JsonStringEnumMemberName("economy")]
    Economy,
    [JsonStringEnumMemberName("premium_economy")]
    PremiumEconomy,
    [JsonStringEnumMemberName("business")]
    Business,
    [JsonStringEnumMemberName("first")]
    First
}

public enum CfarStatus
{
    [JsonStringEnumMemberName("created")]
    Created,
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
    [JsonStringEnumMemberName("charged_back")]
    ChargedBack,
    [JsonStringEnumMemberName("voided")]
    Voided,
    [JsonStringEnumMemberName("canceled")]
    Canceled
}

/// <summary>Spec: "The type of ancillary"</summary>
public enum DgAncillaryType
{
    [JsonStringEnumMemberName("travel_insurance")]
    TravelInsurance,
    [JsonStringEnumMemberName("bag_insurance")]
    BagInsurance,
    [JsonStringEnumMemberName("cabin_bag")]
    CabinBag,
    [JsonStringEnumMemberName("checked_bag")]
    CheckedBag,
    [JsonStringEnumMemberName("seat")]
    Seat,
    [JsonStringEnumMemberName("lounge")]
    Lounge,
    [JsonStringEnumMemberName("meal")]
    Meal,
    [JsonStringEnumMemberName("fast_track")]
    FastTrack,
    [JsonStringEnumMemberName("pet")]
    Pet,
    [JsonStringEnumMemberName("change")]
    Change,
    [JsonStringEnumMemberName("bundle")]
    Bundle,
    [JsonStringEnumMemberName("payment_fee")]
    PaymentFee,
    [JsonStringEnumMemberName("other")]
    Other
}

public enum DgPassengerType
{
    [JsonStringEnumMemberName("adult")]
    Adult,
    [JsonStringEnumMemberName("child")]
    Child,
    [JsonStringEnumMemberName("seated_infant")]
    SeatedInfant,
    [JsonStringEnumMemberName("lap_infant")]
    LapInfant
}

public enum DgRequestType
{
    [JsonStringEnumMemberName("post_booking")]
    PostBooking,
    [JsonStringEnumMemberName("reprice")]
    Reprice,
    [JsonStringEnumMemberName("ancillary")]
    Ancillary,
    [JsonStringEnumMemberName("bundle")]
    Bundle,
    [JsonStringEnumMemberName("fare")]
    Fare
}

public enum DgStatus
{
    [JsonStringEnumMemberName("created")]
    Created,
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
    [JsonStringEnumMemberName("charged_back")]
    ChargedBack,
    [JsonStringEnumMemberName("voided")]
    Voided,
    [JsonStringEnumMemberName("canceled")]
    Canceled,
    [JsonStringEnumMemberName("queued")]
    Queued,
    [JsonStringEnumMemberName("failed")]
    Failed
}

/// <summary>Spec: "Fare class of the segment"</summary>
public enum FareClass
{
    [JsonStringEnumMemberName("basic_economy")]
    BasicEconomy,
    [JsonStringEnumMemberName("economy")]
    Economy,
    [JsonStringEnumMemberName("premium_economy")]
    PremiumEconomy,
    [JsonStringEnumMemberName("business")]
    Business,
    [JsonStringEnumMemberName("first")]
    First
}

/// <summary>Spec: "The current flight status"</summary>
public enum FlightStatus
{
    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled
}

/// <summary>Spec: "The flow type for which the session is opened."</summary>
public enum FlowType
{
    [JsonStringEnumMemberName("purchase")]
    Purchase,
    [JsonStringEnumMemberName("exercise")]
    Exercise
}

/// <summary>Spec: "The gender of the passenger"</summary>
public enum Gender
{
    [JsonStringEnumMemberName("male")]
    Male,
    [JsonStringEnumMemberName("female")]
    Female,
    [JsonStringEnumMemberName("undisclosed")]
    Undisclosed,
    [JsonStringEnumMemberName("unspecified")]
    Unspecified
}

/// <summary>Spec: "The time at which the modification is requested"</summary>
public enum ModificationTime
{
    [JsonStringEnumMemberName("after_departure")]
    AfterDeparture,
    [JsonStringEnumMemberName("anytime")]
    Anytime,
    [JsonStringEnumMemberName("before_departure")]
    BeforeDeparture
}

/// <summary>Spec: "The type of modifications in question in this fare rule"</summary>
public enum ModificationType
{
    [JsonStringEnumMemberName("cancellation")]
    Cancellation,
    [JsonStringEnumMemberName("change")]
    Change
}

public enum PassengerType
{
    [JsonStringEnumMemberName("adult")]
    Adult,
    [JsonStringEnumMemberName("child")]
    Child,
    [JsonStringEnumMemberName("seated_infant")]
    SeatedInfant,
    [JsonStringEnumMemberName("lap_infant")]
    LapInfant
}

/// <summary>Spec: "The product for which the session is opened. Required for sessions having flow_type "exercise"."</summary>
public enum Product
{
    [JsonStringEnumMemberName("cfar")]
    Cfar,
    [JsonStringEnumMemberName("dg")]
    Dg,
    [JsonStringEnumMemberName("all")]
    All
}

public enum RequestType
{
    [JsonStringEnumMemberName("post_booking")]
    PostBooking,
    [JsonStringEnumMemberName("reprice")]
    Reprice,
    [JsonStringEnumMemberName("ancillary")]
    Ancillary,
    [JsonStringEnumMemberName("bundle")]
    Bundle,
    [JsonStringEnumMemberName("fare")]
    Fare
}

public enum TokenType
{
    [JsonStringEnumMemberName("Bearer")]
    Bearer
}
