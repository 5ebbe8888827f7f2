using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record FareRule
{
    public required ModificationType ModificationType { get; init; }

    public required ModificationTime ModificationTime { get; init; }

    public required bool Allowed { get; init; }

    public string? Fee { get; init; }

    [JsonIgnore]
    public decimal? FeeValue => AirlineAmount.ParseOptional(Fee, "fare_rule.fee");

    public string? Percentage { get; init; }

    [JsonIgnore]
    public decimal? PercentageValue => AirlineAmount.ParseOptional(Percentage, "fare_rule.percentage");

    public AirlineRefundMethod? RefundMethod { get; init; }

    public string? Currency { get; init; }
}
