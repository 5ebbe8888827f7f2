namespace Harness.Client.Models;

/// <summary>Spec: "A process CFAR payment request"</summary>
public sealed record ProcessCfarPaymentRequest
{
    public required string PaymentMethodToken { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? StateOrProvince { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public required string PnrReference { get; init; }

    public required string EmailAddress { get; init; }
}
