using System.Text.Json.Serialization;

namespace Harness.Client.Models;

/// <summary>The spec's <c>event</c> union; <c>type</c> is the discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(BookingConfirmed), "booking_confirmed")]
[JsonDerivedType(typeof(OffersDisplayed), "offers_displayed")]
public abstract record Event;

public sealed record BookingConfirmed : Event
{
    public required DateTimeOffset OccurredDateTime { get; init; }

    public string? CfarContractId { get; init; }

    public string? DgContractId { get; init; }
}

public sealed record OffersDisplayed : Event
{
    public required DateTimeOffset OccurredDateTime { get; init; }
}
