using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>Spec: "A create CFAR contract exercise request"</summary>
public sealed record CreateCfarContractExerciseRequest
{
    public string? ContractId { get; init; }

    public required CfarCreateExerciseItinerary Itinerary { get; init; }

    public string? EmailAddress { get; init; }

    public required string PnrReference { get; init; }

    public string? AirlineRefundPenalty { get; init; }

    [JsonIgnore]
    public decimal? AirlineRefundPenaltyValue => AirlineAmount.ParseOptional(AirlineRefundPenalty, "create_cfar_contract_exercise_request.airline_refund_penalty");

    public AirlineRefundMethod? AirlineRefundMethod { get; init; }

    public string? Currency { get; init; }

    public required IReadOnlyDictionary<string, string> ExtAttributes { get; init; }

    public CreateAirlineCfarSessionRequest? Session { get; init; }

    public string? CallbackUrl { get; init; }

    public string? RedirectbackUrl { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }
}
