using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record DgTax
{
    public required string Name { get; init; }

    public required string Rate { get; init; }

    [JsonIgnore]
    public decimal RateValue => AirlineAmount.Parse(Rate, "dg_tax.rate");

    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "dg_tax.amount");

    public string? RegistrationNumber { get; init; }
}
