namespace Harness.Client.Models;

/// <summary>Spec: "An object detailing the Passenger Information"</summary>
public sealed record DgPassenger
{
    public required string PassengerReference { get; init; }

    public required DgPassengerType PassengerType { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? DateOfBirth { get; init; }

    public Gender? Gender { get; init; }

    public string? PassportNumber { get; init; }

    public string? PassportCountryIssuance { get; init; }

    public string? PassportIssuanceDate { get; init; }

    public string? PassportExpirationDate { get; init; }

    public string? Nationality { get; init; }
}
