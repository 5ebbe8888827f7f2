using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "An update CFAR contract exercise request"</summary>
public sealed record MarkCfarContractExerciseCompleteRequest
{
    public string? RefundAmount { get; init; }

    [JsonIgnore]
    public decimal? RefundAmountValue => AirlineAmount.ParseOptional(RefundAmount, "mark_cfar_contract_exercise_complete_request.refund_amount");

    public AirlineRefundMethod? RefundMethod { get; init; }
}
