using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record DgPassengerTax
{
    public required string Code { get; init; }

    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "dg_passenger_tax.amount");

    public required string Currency { get; init; }
}
