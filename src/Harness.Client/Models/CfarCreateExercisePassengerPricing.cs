using System.Text.Json.Serialization;

namespace Harness.Client.Models;

public sealed record CfarCreateExercisePassengerPricing
{
    public required PassengerCount PassengerCount { get; init; }

    public string? IndividualPrice { get; init; }

    [JsonIgnore]
    public decimal? IndividualPriceValue => AirlineAmount.ParseOptional(IndividualPrice, "cfar_create_exercise_passenger_pricing.individual_price");

    public IReadOnlyList<CfarPassengerTax>? Taxes { get; init; }
}
