using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A update DG contract status request"</summary>
public sealed record UpdateDgContractStatusRequest
{
    public required DgStatus Status { get; init; }

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
    public decimal? TaxesTotalValue => AirlineAmount.ParseOptional(TaxesTotal, "update_dg_contract_status_request.taxes_total");

    public IReadOnlyList<DgTax>? Taxes { get; init; }

    public IReadOnlyList<FormOfPayment>? FormsOfPayment { get; init; }

    public string? TotalPrice { get; init; }

    [JsonIgnore]
    public decimal? TotalPriceValue => AirlineAmount.ParseOptional(TotalPrice, "update_dg_contract_status_request.total_price");

    public string? Currency { get; init; }
}
