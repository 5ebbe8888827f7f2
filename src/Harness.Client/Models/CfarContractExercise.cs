using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "An object containing exercise information for a contract"</summary>
public sealed record CfarContractExercise
{
    public required string Id { get; init; }

    public required string ContractId { get; init; }

    public required DateTimeOffset ExerciseInitiatedDateTime { get; init; }

    public required string CashRefundAllowance { get; init; }

    [JsonIgnore]
    public decimal CashRefundAllowanceValue => AirlineAmount.Parse(CashRefundAllowance, "cfar_contract_exercise.cash_refund_allowance");

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public string? FtcRefundAllowance { get; init; }

    [JsonIgnore]
    public decimal? FtcRefundAllowanceValue => AirlineAmount.ParseOptional(FtcRefundAllowance, "cfar_contract_exercise.ftc_refund_allowance");

    public string? Currency { get; init; }

    public required string RedirectionToken { get; init; }

    public string? RedirectionUrl { get; init; }
}
