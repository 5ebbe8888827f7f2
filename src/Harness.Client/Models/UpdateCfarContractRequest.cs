using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "Update CFAR contract request"</summary>
public sealed record UpdateCfarContractRequest
{
    public required CfarStatus Status { get; init; }

    public string? PnrReference { get; init; }

    public string? EmailAddress { get; init; }

    public string? PhoneNumber { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? StateOrProvince { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public string? TaxesTotal { get; init; }

    [JsonIgnore]
    public decimal? TaxesTotalValue => AirlineAmount.ParseOptional(TaxesTotal, "update_cfar_contract_request.taxes_total");

    public IReadOnlyList<CfarTax>? Taxes { get; init; }

    public string? Currency { get; init; }

    public string? ExchangeRate { get; init; }

    [JsonIgnore]
    public decimal? ExchangeRateValue => AirlineAmount.ParseOptional(ExchangeRate, "update_cfar_contract_request.exchange_rate");

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "update_cfar_contract_request.total_price");

    public IReadOnlyList<FormOfPayment>? FormsOfPayment { get; init; }
}
