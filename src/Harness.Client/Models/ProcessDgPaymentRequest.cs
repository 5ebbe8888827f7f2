namespace Harness.Client.Models;

/// <summary>Spec: "A process DG payment request"</summary>
public sealed record ProcessDgPaymentRequest
{
    public required string PaymentToken { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? StateOrProvince { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public required string PnrReference { get; init; }

    public required string EmailAddress { get; init; }

    public required string PhoneNumber { get; init; }
}
