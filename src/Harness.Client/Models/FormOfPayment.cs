using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>The spec's <c>form_of_payment</c> union; <c>type</c> is the discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Cash), "cash")]
[JsonDerivedType(typeof(NonCash), "non_cash")]
[JsonDerivedType(typeof(PaymentCard), "payment_card")]
[JsonDerivedType(typeof(Points), "points")]
public abstract record FormOfPayment;

public sealed record Cash : FormOfPayment
{
    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "cash.amount");

    public required string Currency { get; init; }
}

public sealed record NonCash : FormOfPayment
{
    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "non_cash.amount");

    public required string Currency { get; init; }
}

public sealed record PaymentCard : FormOfPayment
{
    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "payment_card.amount");

    public required string Currency { get; init; }

    public string? Token { get; init; }

    public string? LastFourDigits { get; init; }

    public string? ExpirationMonth { get; init; }

    public string? ExpirationYear { get; init; }
}

public sealed record Points : FormOfPayment
{
    public required string Amount { get; init; }

    [JsonIgnore]
    public decimal AmountValue => AirlineAmount.Parse(Amount, "points.amount");
}
