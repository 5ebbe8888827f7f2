using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record CfarTax
{
    public required string Name { get; init; }

    public required string Rate { get; init; }

    [JsonIgnore]
    public decimal RateValue => AirlineAmount.Parse(Rate, "cfar_tax.rate");

    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "cfar_tax.amount");

    public required bool Estimated { get; init; }

    public string? RegistrationNumber { get; init; }
}
