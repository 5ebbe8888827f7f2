using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "Create a CFAR offer with externally provided pricing and coverage"</summary>
public sealed record CreateExternalCfarOfferRequest
{
    public required string ExternalId { get; init; }

    public required string CountryCode { get; init; }

    public required string Currency { get; init; }

    public required string ToUsdExchangeRate { get; init; }

    [JsonIgnore]
    public decimal ToUsdExchangeRateValue => AirlineAmount.Parse(ToUsdExchangeRate, "create_external_cfar_offer_request.to_usd_exchange_rate");

    public required string PremiumTotalAmount { get; init; }

    [JsonIgnore]
    public decimal PremiumTotalAmountValue => AirlineAmount.Parse(PremiumTotalAmount, "create_external_cfar_offer_request.premium_total_amount");

    public required string PremiumPercentage { get; init; }

    [JsonIgnore]
    public decimal PremiumPercentageValue => AirlineAmount.Parse(PremiumPercentage, "create_external_cfar_offer_request.premium_percentage");

    public required string PayoutTotalAmount { get; init; }

    [JsonIgnore]
    public decimal PayoutTotalAmountValue => AirlineAmount.Parse(PayoutTotalAmount, "create_external_cfar_offer_request.payout_total_amount");

    public required string PayoutPercentage { get; init; }

    [JsonIgnore]
    public decimal PayoutPercentageValue => AirlineAmount.Parse(PayoutPercentage, "create_external_cfar_offer_request.payout_percentage");

    public required string TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal TaxesTotalValue => AirlineAmount.Parse(TaxesTotal, "create_external_cfar_offer_request.taxes_total");

    public required DateTimeOffset ContractExpiryDateTime { get; init; }

    public DateTimeOffset? BookingDateTime { get; init; }

    public required CfarOfferItinerary Itinerary { get; init; }

    public required int MinMinutesDelay { get; init; }

    public CreateAirlineCfarSessionRequest? Session { get; init; }
}
